package ru.voronka.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import ru.voronka.platform.web.DomainException.Kind;

/** Issue 15: validation refusals were logged as ERROR with stack traces; now one INFO line, real failures unchanged. */
class RefusalLoggingTest {

  final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @BeforeEach
  void listen() {
    RefusalLogging.install(context);
    appender.setContext(context);
    appender.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
  }

  @AfterEach
  void stop() {
    context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
  }

  @Test
  void aRefusalThroughTheEnginesCommandContextIsOneInfoLine_aRealFailureStaysAnErrorWithItsTrace() {
    org.slf4j.Logger engine = LoggerFactory.getLogger("org.camunda.bpm.engine.context");
    RuntimeException wrapped = new RuntimeException("ENGINE-wrapped",
        new DomainException(Kind.INVALID, "Укажите причину\nотказа"));
    // Camunda's BaseLogger passes the exception as the last parameter, not as the throwable argument.
    engine.error("ENGINE-16004 Exception while closing command context: {}", wrapped.getMessage(), wrapped);
    engine.warn("ENGINE-14006 Exception while executing job", wrapped);

    assertThat(appender.list).noneMatch(e -> e.getLoggerName().equals("org.camunda.bpm.engine.context"));
    assertThat(appender.list).filteredOn(e -> e.getLoggerName().equals(RefusalLogging.LOGGER)).hasSize(2).allSatisfy(e -> {
      assertThat(e.getLevel()).isEqualTo(Level.INFO);
      assertThat(e.getThrowableProxy()).isNull();
      assertThat(e.getFormattedMessage()).isEqualTo("Отказ: Укажите причину отказа (org.camunda.bpm.engine.context)");
    });

    engine.error("ENGINE-16004 Exception while closing command context", new IllegalStateException("database gone"));
    assertThat(appender.list).filteredOn(e -> e.getLoggerName().equals("org.camunda.bpm.engine.context")).singleElement()
        .satisfies(e -> {
          assertThat(e.getLevel()).isEqualTo(Level.ERROR);
          assertThat(e.getThrowableProxy()).isNotNull();
        });
  }

  @Test
  void aCamundaFormFieldValidatorsRefusalIsARefusalToo() {
    var refusal = new org.camunda.bpm.engine.impl.form.validator.FormFieldValidatorException("amount", "required", null, null,
        "Поле обязательно");
    assertThat(RefusalLogging.RefusalFilter.refusal(new RuntimeException(refusal))).contains("Поле обязательно");
    assertThat(RefusalLogging.RefusalFilter.refusal(new RuntimeException("boom"))).isNull();
  }
}
