package ru.voronka.platform.web;

/** Finds a refusal under the engine's wrappers (a task listener's error arrives as a ProcessEngineException). */
public final class DomainExceptions {

  private DomainExceptions() {}

  public static DomainException find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DomainException domain) {
        return domain;
      }
      if (isStale(t)) {
        return DomainException.staleData();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** An optimistic lock lost: by JPA's @Version (translated or not), or by the engine's own. */
  private static boolean isStale(Throwable t) {
    return t instanceof org.springframework.dao.OptimisticLockingFailureException
        || t instanceof jakarta.persistence.OptimisticLockException
        || t instanceof org.hibernate.StaleStateException
        || t instanceof org.camunda.bpm.engine.OptimisticLockingException;
  }
}
