package ru.voronka.platform.time;

import java.time.Clock;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.joda.time.DateTimeUtils;
import org.springframework.stereotype.Component;

/**
 * The engine reads the same clock as Voronka: timers, due dates and {@code dateTime()} in the
 * models. Camunda asks Joda-Time's {@code DateTimeUtils} for the time ({@code ClockUtil}), so the
 * clock is handed to it before the engine and its job executor start. It is one per JVM; every
 * application context of a JVM shares one clock (tests use a single test clock).
 */
@Component
class EngineClock extends AbstractProcessEnginePlugin {

  private final Clock clock;

  EngineClock(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DateTimeUtils.setCurrentMillisProvider(clock::millis);
  }
}
