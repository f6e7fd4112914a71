package ru.voronka.platform.db;

import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * For queries whose best plan depends on the values searched: a word in a fifth of the deals is found by
 * walking the newest ones, a rare one by its trigram index. After a few runs of one prepared statement
 * PostgreSQL may keep a generic plan, made without the values — for a search, the walk for every word
 * (issue 15's bench: a rare word then took 210 ms instead of 4). This asks for a plan per run, for the
 * rest of the current transaction only; and a count that stops at a limit is read through the indexes
 * ({@link #readingIndexes}). Nothing to do on H2.
 */
@Component
public class CustomPlans {

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  CustomPlans(JdbcTemplate jdbc, DataSourceProperties dataSource) {
    this.jdbc = jdbc;
    String url = dataSource.determineUrl();
    this.postgres = url != null && url.startsWith("jdbc:postgresql:");
  }

  /**
   * A count that stops at a limit, read through the indexes: expecting the matches spread evenly, PostgreSQL
   * reads such a query's table from the start until the limit — all of it when there are fewer matches
   * (issue 15's bench: a manager's 606 of 100 000 deals, 44 ms); through the indexes it reads only the
   * matches (9 ms; a word in every deal 16 ms). Sequential scans are off for this query only.
   */
  public <T> T readingIndexes(java.util.function.Supplier<T> query) {
    if (!postgres || !TransactionSynchronizationManager.isActualTransactionActive()) {
      return query.get();
    }
    jdbc.execute("set local enable_seqscan = off");
    try {
      return query.get();
    } finally {
      jdbc.execute("set local enable_seqscan = on");
    }
  }

  /** Within a transaction (its connection is the one the queries run on); a no-op outside one. */
  public void forThisTransaction() {
    if (postgres && TransactionSynchronizationManager.isActualTransactionActive()) {
      jdbc.execute("set local plan_cache_mode = force_custom_plan");
    }
  }
}
