package ru.voronka.onec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import ru.voronka.support.TestClock;

class SimulatedOneCTest {

  private final SimulatedOneC oneC = new SimulatedOneC(TestClock.INSTANCE);

  @Test
  void every_client_with_an_inn_has_the_same_kp_each_time_and_its_total_adds_up() {
    OneCKp kp = oneC.latestKp("7701234567").orElseThrow();

    assertThat(oneC.latestKp("7701234567")).contains(kp);
    assertThat(kp.lines()).extracting(OneCKpLine::lineNo).containsExactly(1, 2, 3);
    assertThat(kp.lines()).extracting(OneCKpLine::unit).containsExactly("шт", "м", "шт");
    BigDecimal sum = kp.lines().stream().map(l -> l.price().multiply(l.quantity())).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(kp.total()).isEqualByComparingTo(sum).hasScaleOf(2);
    assertThat(kp.number()).startsWith("УТ-");
  }

  @Test
  void a_client_without_an_inn_has_no_kp() {
    assertThat(oneC.latestKp(null)).isEmpty();
    assertThat(oneC.latestKp("  ")).isEmpty();
  }

  @Test
  void a_logistics_task_is_in_work_until_the_logist_executes_it() {
    String ref = oneC.createLogisticsTask(new OneCLogisticsTask(42, "Доставка", "Москва", LocalDate.of(2026, 1, 12)));

    assertThat(oneC.logisticsTaskState(ref)).isEqualTo(new OneCTaskState(false, "в работе"));
    assertThat(oneC.execute(ref)).isTrue();
    assertThat(oneC.logisticsTaskState(ref)).isEqualTo(new OneCTaskState(true, "выполнено"));
    assertThat(oneC.tasks()).singleElement().satisfies(t -> assertThat(t.task().dealId()).isEqualTo(42));
  }

  @Test
  void a_retried_task_is_the_one_created_before() {
    String first = oneC.createLogisticsTask(new OneCLogisticsTask(42, "Доставка — поручение 1", "", LocalDate.of(2026, 1, 12)));
    String retried = oneC.createLogisticsTask(new OneCLogisticsTask(42, "Доставка — поручение 1", "", LocalDate.of(2026, 1, 12)));
    String another = oneC.createLogisticsTask(new OneCLogisticsTask(42, "Доставка — поручение 2", "", LocalDate.of(2026, 1, 12)));

    assertThat(retried).isEqualTo(first);
    assertThat(another).isNotEqualTo(first);
    assertThat(oneC.tasks()).hasSize(2);
  }

  @Test
  void an_unknown_task_cannot_be_executed_or_asked_about() {
    assertThat(oneC.execute("нет-такой")).isFalse();
    assertThatThrownBy(() -> oneC.logisticsTaskState("нет-такой")).isInstanceOf(OneCUnavailableException.class);
  }
}
