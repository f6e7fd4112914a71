package ru.voronka.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.voronka.support.TestClock;
import ru.voronka.support.WorkspaceTest;

/** One clock for the application and its engine, set by the tests (-Dvoronka.test-clock= picks the start). */
class TimeIsAnInputTest extends WorkspaceTest {

  @Autowired Clock clock;

  @Test
  void theApplicationAndTheEngineReadTheTestClock() {
    assertThat(clock).isSameAs(TestClock.INSTANCE);
    TestClock.INSTANCE.advance(Duration.ofMinutes(1));
    assertThat(ClockUtil.getCurrentTime().toInstant()).isCloseTo(clock.instant(), within(1, ChronoUnit.SECONDS));
  }
}
