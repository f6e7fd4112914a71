package ru.voronka.deals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;
import ru.voronka.support.WorkspaceOnPostgres;

/**
 * {@link DealTallyTest} again, on PostgreSQL, where two nodes commit side by side: the first deal of a
 * stage and responsible made in two commits at once is counted twice, not refused.
 */
@ContextConfiguration(initializers = WorkspaceOnPostgres.class)
class DealTallyPostgresIT extends DealTallyTest {

  @Autowired DataSource dataSource;
  @Autowired TransactionTemplate transactions;
  @Autowired ApplicationEventPublisher events;

  @Test
  void theseTestsRunOnPostgresql() throws Exception {
    try (var connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
  }

  @Test
  void aRowMadeByACommitBesideIsAddedTo() throws Exception {
    long responsible = 987_654_321L; // no such employee: a key of this test alone
    CountDownLatch inserted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // The other commit has made the row and not committed yet...
    CompletableFuture<Void> beside = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
      jdbc.update("insert into deal_tally (funnel, stage, responsible_id, deals, amount) values ('SALES', 'KP', ?, 1, 100)",
          responsible);
      inserted.countDown();
      await(release);
    }));
    assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
    // ...this one finds no row, its insert waits for the other and is refused: it adds to the row instead.
    CompletableFuture<Void> ours = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status ->
        events.publishEvent(new DealTally.Move(null, DealTally.Place.of(Funnel.SALES, DealStage.KP, responsible,
            new BigDecimal("50"))))));
    Thread.sleep(300);
    release.countDown();
    beside.get(10, TimeUnit.SECONDS);
    ours.get(10, TimeUnit.SECONDS);
    try {
      assertThat(jdbc.queryForMap("select deals, amount from deal_tally where responsible_id = ?", responsible))
          .containsEntry("deals", 2L).hasEntrySatisfying("amount", a -> assertThat((BigDecimal) a).isEqualByComparingTo("150"));
    } finally {
      jdbc.update("delete from deal_tally where responsible_id = ?", responsible);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
