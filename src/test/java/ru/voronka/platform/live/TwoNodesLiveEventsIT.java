package ru.voronka.platform.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import ru.voronka.support.PostgresDatabase;

/**
 * PLT-4: two nodes on one PostgreSQL. An event published on node A reaches the connections of
 * node B (and A's own), through NOTIFY — nothing shared but the database.
 */
class TwoNodesLiveEventsIT {

  /** A node's connections, reduced to what they received. */
  static final class Received extends Subscribers {
    final LinkedBlockingQueue<LiveEvent> events = new LinkedBlockingQueue<>();

    Received() {
      super(new ObjectMapper());
    }

    @Override
    void deliver(LiveEvent event) {
      events.add(event);
    }
  }

  /**
   * The next event this test sent: the application of the other integration tests shares the
   * database, and its own events (a reminder's pop-up) travel on the same channel.
   */
  private static LiveEvent ours(Received node) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      LiveEvent event = node.events.poll(1, TimeUnit.SECONDS);
      if (event != null && "Привет со второго узла".equals(event.data().get("text"))) {
        return event;
      }
    }
    return null;
  }

  @Test
  void anEventPublishedOnOneNodeReachesTheOther() throws Exception {
    var db = PostgresDatabase.get();
    var dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
    Received onA = new Received();
    Received onB = new Received();
    try (var nodeA = new PostgresNotifyTransport(dataSource, onA, new ObjectMapper(), db.url(), db.user(), db.password());
        var nodeB = new PostgresNotifyTransport(dataSource, onB, new ObjectMapper(), db.url(), db.user(), db.password())) {
      Thread.sleep(1500); // both LISTEN connections open

      nodeA.send(new LiveEvent(List.of("petrov"), "chat-message", Map.of("chatId", 7, "text", "Привет со второго узла"),
          LiveEvent.nowMicros()));

      LiveEvent atB = ours(onB);
      assertThat(atB).isNotNull();
      assertThat(atB.userIds()).containsExactly("petrov");
      assertThat(atB.name()).isEqualTo("chat-message");
      assertThat(atB.data()).containsEntry("text", "Привет со второго узла");
      assertThat(ours(onA)).isNotNull();
      assertThat(ours(onA)).as("its own NOTIFY is not delivered again").isNull();
    }
  }

  @Test
  void aBurstReachesTheOtherNodeWholeAndInOrder() throws Exception {
    var db = PostgresDatabase.get();
    var dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
    Received onB = new Received();
    try (var nodeA = new PostgresNotifyTransport(dataSource, new Received(), new ObjectMapper(), db.url(), db.user(), db.password());
        var nodeB = new PostgresNotifyTransport(dataSource, onB, new ObjectMapper(), db.url(), db.user(), db.password())) {
      Thread.sleep(1500);
      for (int i = 0; i < 300; i++) { // more than one statement's batch
        nodeA.send(new LiveEvent(List.of("desk" + i), "call-ringing", Map.of("n", i), LiveEvent.nowMicros()));
      }
      List<Integer> order = new java.util.ArrayList<>();
      long deadline = System.currentTimeMillis() + 10_000;
      while (order.size() < 300 && System.currentTimeMillis() < deadline) {
        LiveEvent event = onB.events.poll(1, TimeUnit.SECONDS);
        if (event != null && event.data().get("n") instanceof Number n) { // not the application's own events
          order.add(n.intValue());
        }
      }
      assertThat(order).isEqualTo(java.util.stream.IntStream.range(0, 300).boxed().toList());
    }
  }

  @Test
  void aBigAudienceIsSplitUnderPostgresqlsPayloadLimit() throws Exception {
    var db = PostgresDatabase.get();
    var dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
    Received onB = new Received();
    List<String> thousand = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "employee" + i).toList();
    try (var nodeA = new PostgresNotifyTransport(dataSource, new Received(), new ObjectMapper(), db.url(), db.user(), db.password());
        var nodeB = new PostgresNotifyTransport(dataSource, onB, new ObjectMapper(), db.url(), db.user(), db.password())) {
      Thread.sleep(1500);
      nodeA.send(new LiveEvent(thousand, "chat-message", Map.of("chatId", 8), LiveEvent.nowMicros()));

      java.util.Set<String> reached = new java.util.HashSet<>();
      long deadline = System.currentTimeMillis() + 10_000;
      while (reached.size() < 1000 && System.currentTimeMillis() < deadline) {
        LiveEvent part = onB.events.poll(1, TimeUnit.SECONDS);
        if (part != null && Integer.valueOf(8).equals(part.data().get("chatId"))) { // not the application's own events
          reached.addAll(part.userIds());
        }
      }
      assertThat(reached).hasSize(1000);
    }
  }
}
