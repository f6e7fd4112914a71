package ru.voronka.platform.web;

/** Finds a refusal under the engine's wrappers (a task listener's error arrives as a ProcessEngineException). */
public final class DomainExceptions {

  private DomainExceptions() {}

  public static DomainException find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DomainException domain) {
        return domain;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
