package ru.voronka.platform.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A refusal is no error: a form rule or a service saying «no» (a {@link DomainException}, a Camunda
 * form field's validator) reaches the log through the engine's command context, the job executor or
 * the engine REST as an ERROR with a stack trace. Such records are written as one INFO line instead
 * (logger {@code ru.voronka.refusals}); every other failure stays as it was, ERROR with its trace.
 */
@Component
public class RefusalLogging {

  static final String LOGGER = "ru.voronka.refusals";

  @EventListener(ApplicationStartedEvent.class)
  void install() {
    install(LoggerFactory.getILoggerFactory());
  }

  /** Idempotent: the filter is added once per logging context (tests start several applications in one JVM). */
  public static void install(Object loggerFactory) {
    if (loggerFactory instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(f -> f instanceof RefusalFilter)) {
      RefusalFilter filter = new RefusalFilter(context.getLogger(LOGGER));
      filter.start();
      context.addTurboFilter(filter);
    }
  }

  static final class RefusalFilter extends TurboFilter {

    private final Logger refusals;

    RefusalFilter(Logger refusals) {
      this.refusals = refusals;
      setName("voronka-refusals");
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
      if (level == null || !level.isGreaterOrEqual(Level.WARN) || logger == refusals) {
        return FilterReply.NEUTRAL;
      }
      Throwable thrown = t != null ? t
          : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
      String refusal = refusal(thrown);
      if (refusal == null) {
        return FilterReply.NEUTRAL;
      }
      if (refusals.isInfoEnabled()) {
        refusals.info("Отказ: {} ({})", refusal.replaceAll("\\s+", " "), logger.getName());
      }
      return FilterReply.DENY;
    }

    /** The refusal's message when the cause chain holds one; null for a real failure. */
    static String refusal(Throwable thrown) {
      DomainException domain = DomainExceptions.find(thrown);
      if (domain != null) {
        return domain.getMessage();
      }
      for (Throwable c = thrown; c != null && c.getCause() != c; c = c.getCause()) {
        if (c.getClass().getName().equals("org.camunda.bpm.engine.impl.form.validator.FormFieldValidatorException")
            || c.getClass().getName().equals("org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException")) {
          return c.getMessage();
        }
      }
      return null;
    }
  }
}
