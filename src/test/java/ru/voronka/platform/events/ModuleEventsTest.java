package ru.voronka.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;
import ru.voronka.support.WorkspaceTest;

/** An event between modules is kept until its listener has run: a failing listener hears it again. */
class ModuleEventsTest extends WorkspaceTest {

  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired FlakyListener listener;
  @Autowired IncompleteEventPublications incomplete;
  @Autowired JdbcTemplate jdbc;

  long kept(String id) {
    return jdbc.queryForObject("select count(*) from event_publication where completion_date is null and serialized_event like ?",
        Long.class, "%" + id + "%");
  }

  @Test
  void anEventWhoseListenerFailedIsDeliveredAgain_andThenForgotten() {
    String id = "probe-" + System.nanoTime();
    transactions.executeWithoutResult(status -> events.publishEvent(new FlakyListener.Probe(id)));

    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> listener.calls(id) > 0);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> kept(id) == 1); // failed: still in the registry

    incomplete.resubmitIncompletePublications(publication -> publication.getEvent() instanceof FlakyListener.Probe probe
        && probe.id().equals(id)); // what ModuleEvents does every minute, for events a minute old

    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> listener.done(id));
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> kept(id) == 0);
    assertThat(listener.calls(id)).isEqualTo(2);
  }
}
