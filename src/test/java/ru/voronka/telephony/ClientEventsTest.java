package ru.voronka.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.voronka.directory.Directory;
import ru.voronka.platform.web.DomainException;
import ru.voronka.support.TestClock;
import ru.voronka.support.WorkspaceTest;

/** TEL-9: an event's reminder comes once, to its employee's bell; an event left open after its time counts as missed. */
class ClientEventsTest extends WorkspaceTest {

  @Autowired ClientEvents events;
  @Autowired Directory directory;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theReminderComesOnce_andAnOverdueEventIsMissed() {
    var sidorova = directory.requireEmployee("sidorova");
    var soon = events.schedule(ClientEvent.Kind.LETTER, "Отправить прайс на клапаны", sidorova, null, null, null,
        TestClock.INSTANCE.instant().plus(Duration.ofMinutes(10)), null); // reminded 15 minutes before: now
    var late = events.schedule(ClientEvent.Kind.CALL, "Перезвонить по счёту", sidorova, null, null, null,
        TestClock.INSTANCE.instant().minus(Duration.ofHours(1)), Duration.ZERO);
    long before = jdbc.queryForObject("select count(*) from notification where recipient = 'sidorova'", Long.class);

    events.remind();
    events.remind();

    assertThat(jdbc.queryForObject("select count(*) from notification where recipient = 'sidorova'", Long.class))
        .isEqualTo(before + 2);
    assertThat(events.of(sidorova)).filteredOn(e -> e.id() == late.getId()).singleElement()
        .satisfies(e -> assertThat(e.missed()).isTrue());
    assertThat(events.of(sidorova)).filteredOn(e -> e.id() == soon.getId()).singleElement()
        .satisfies(e -> assertThat(e.missed()).isFalse());

    events.changeStatus(late.getId(), ClientEvent.Status.DONE, "sidorova");
    assertThat(events.of(sidorova)).filteredOn(e -> e.id() == late.getId()).singleElement()
        .satisfies(e -> assertThat(e.missed()).isFalse());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> events.changeStatus(soon.getId(), ClientEvent.Status.DONE, "petrov"))
        .isInstanceOf(DomainException.class);
  }
}
