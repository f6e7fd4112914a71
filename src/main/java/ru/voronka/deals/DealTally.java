package ru.voronka.deals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionTemplate;
import ru.voronka.platform.cluster.ScheduledWork;
import ru.voronka.platform.db.TransactionScoped;

/**
 * The funnel board's counts and sums per stage, kept in {@code deal_tally} as deals change instead of
 * counted over every deal on each visit (issue 15's bench: at 100 000 deals the count was a scan of the
 * whole table, 46–51 ms of the РОП's board; the tally's 111 rows there are read in 0.06 ms). One row per
 * funnel, stage and responsible; a deal's move (new, another stage, responsible or amount) is added in the commit of the
 * change, after every other write of it ({@link DealWritesBeforeCommit}), rows in key order, so two commits never
 * wait on each other in a circle. At every start and every night the tally is checked against the deals and rewritten where it is
 * off (deals written by SQL, an older version).
 */
@Component
public class DealTally {

  private static final Logger log = LoggerFactory.getLogger(DealTally.class);
  /** The responsible of a deal nobody has taken yet, as the tally's key keeps it. */
  private static final long NOBODY = 0;

  /** A deal as the tally counts it; the amount of a deal without one counts as zero. */
  record Place(Key key, BigDecimal amount) {

    static Place of(Funnel funnel, DealStage stage, Long responsibleId, BigDecimal amount) {
      return new Place(new Key(funnel.name(), stage.name(), responsibleId == null ? NOBODY : responsibleId),
          (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP));
    }
  }

  /** A deal's move in the tally; {@code from} is null for a new deal. */
  record Move(Place from, Place to) {}

  record Key(String funnel, String stage, long responsibleId) {
    static final Comparator<Key> ORDER = Comparator.comparing(Key::funnel).thenComparing(Key::stage)
        .thenComparingLong(Key::responsibleId);
  }

  /** A stage's deals and their sum. */
  public record Total(long deals, BigDecimal amount) {
    static final Total NONE = new Total(0, BigDecimal.ZERO.setScale(2));
  }

  private record Change(long deals, BigDecimal amount) {
    Change plus(long moreDeals, BigDecimal moreAmount) {
      return new Change(deals + moreDeals, amount.add(moreAmount));
    }

    boolean isNothing() {
      return deals == 0 && amount.signum() == 0;
    }
  }

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final TransactionTemplate transactions;
  private final ScheduledWork scheduledWork;
  private final boolean postgres;

  /** {@code transactions} lazily: {@link DealWritesBeforeCommit}, a part of the transaction manager, needs this. */
  DealTally(JdbcTemplate jdbc, DataSource dataSource, @Lazy TransactionTemplate transactions, ScheduledWork scheduledWork,
      org.springframework.boot.autoconfigure.jdbc.DataSourceProperties properties) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.scheduledWork = scheduledWork;
    String url = properties.determineUrl();
    this.postgres = url != null && url.startsWith("jdbc:postgresql:");
  }

  /** The stages' totals of a funnel: every deal's, or those of one responsible, and with {@code withUntaken} the untaken ones too. */
  public Map<DealStage, Total> byStage(Funnel funnel, String responsibleUserId, boolean withUntaken) {
    StringBuilder sql = new StringBuilder("select stage, sum(deals), sum(amount) from deal_tally where funnel = ?");
    List<Object> parameters = new ArrayList<>(List.of(funnel.name()));
    if (responsibleUserId != null) {
      sql.append(" and responsible_id in (").append(withUntaken ? NOBODY + ", " : "")
          .append("(select e.id from employee e where e.user_id = ?))");
      parameters.add(responsibleUserId);
    }
    Map<DealStage, Total> totals = new EnumMap<>(DealStage.class);
    jdbc.query(sql.append(" group by stage").toString(), rs -> {
      totals.put(DealStage.valueOf(rs.getString(1)), new Total(rs.getLong(2), rs.getBigDecimal(3)));
    }, parameters.toArray());
    totals.values().removeIf(total -> total.deals() == 0);
    return totals;
  }

  @EventListener
  void moved(Move move) {
    Map<Key, Change> pending = pending();
    if (pending == null) {
      return; // outside a transaction nothing is written, so nothing moved
    }
    if (move.from() != null) {
      pending.merge(move.from().key(), new Change(-1, move.from().amount().negate()),
          (a, b) -> a.plus(b.deals(), b.amount()));
    }
    pending.merge(move.to().key(), new Change(1, move.to().amount()), (a, b) -> a.plus(b.deals(), b.amount()));
  }

  /** Just before the commit, after the session's last writes were flushed: the moves added up, in key order. */
  void addPending() {
    Pending kept = TransactionScoped.find(Pending.class);
    Map<Key, Change> pending = kept == null ? null : kept.moves;
    if (pending == null || pending.isEmpty()) {
      return;
    }
    Map<Key, Change> sorted = new TreeMap<>(Key.ORDER);
    sorted.putAll(pending);
    pending.clear();
    sorted.forEach((key, change) -> {
      if (!change.isNothing()) {
        add(key, change);
      }
    });
  }

  private void add(Key key, Change change) {
    if (update(key, change) > 0) {
      return;
    }
    // The first deal of its stage and responsible: a new row — unless a commit beside this one made it
    // first, and then this one adds to it (a savepoint keeps the transaction alive after the refusal).
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      Savepoint before = connection.setSavepoint();
      try {
        insert(key, change.deals(), change.amount());
        connection.releaseSavepoint(before);
      } catch (DuplicateKeyException madeBeside) {
        connection.rollback(before);
        update(key, change);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Savepoint for the deal tally: " + e.getMessage(), e);
    }
  }

  private void insert(Key key, long deals, BigDecimal amount) {
    jdbc.update("insert into deal_tally (funnel, stage, responsible_id, deals, amount) values (?, ?, ?, ?, ?)",
        key.funnel(), key.stage(), key.responsibleId(), deals, amount);
  }

  private int update(Key key, Change change) {
    return jdbc.update("update deal_tally set deals = deals + ?, amount = amount + ? "
        + "where funnel = ? and stage = ? and responsible_id = ?",
        change.deals(), change.amount(), key.funnel(), key.stage(), key.responsibleId());
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onStart() {
    try {
      recount();
    } catch (RuntimeException e) {
      log.warn("Deal tally not checked at this start: {}", e.toString());
    }
  }

  /** And every night, by one node: a deal changed by SQL in between is counted right by the morning. */
  @Scheduled(cron = "${voronka.deals.tally-recount:0 40 3 * * *}", zone = "Europe/Moscow")
  void nightly() {
    if (scheduledWork.here()) {
      recount();
    }
  }

  /**
   * Counts the deals again and rewrites the rows that are off; answers how many were. On PostgreSQL the
   * tally is locked meanwhile, so a commit of the other node adds its move either before the count (and
   * is in it) or after the rewrite.
   */
  public int recount() {
    Integer off = transactions.execute(status -> {
      if (postgres) {
        jdbc.execute("lock table deal_tally in exclusive mode");
      }
      Map<Key, Total> counted = new HashMap<>();
      jdbc.query("select funnel, stage, coalesce(responsible_id, 0), count(*), coalesce(sum(amount), 0) from deal "
          + "group by funnel, stage, coalesce(responsible_id, 0)", rs -> {
            counted.put(new Key(rs.getString(1), rs.getString(2), rs.getLong(3)),
                new Total(rs.getLong(4), rs.getBigDecimal(5).setScale(2, RoundingMode.HALF_UP)));
          });
      Map<Key, Total> kept = new HashMap<>();
      jdbc.query("select funnel, stage, responsible_id, deals, amount from deal_tally", rs -> {
        kept.put(new Key(rs.getString(1), rs.getString(2), rs.getLong(3)),
            new Total(rs.getLong(4), rs.getBigDecimal(5).setScale(2, RoundingMode.HALF_UP)));
      });
      int rewritten = 0;
      for (Key key : kept.keySet()) {
        if (!counted.containsKey(key) && !Total.NONE.equals(kept.get(key))) {
          counted.put(key, Total.NONE);
        }
      }
      for (Map.Entry<Key, Total> row : counted.entrySet()) {
        Key key = row.getKey();
        Total total = row.getValue();
        if (Objects.equals(kept.get(key), total)) {
          continue;
        }
        rewritten++;
        if (kept.containsKey(key)) {
          jdbc.update("update deal_tally set deals = ?, amount = ? where funnel = ? and stage = ? and responsible_id = ?",
              total.deals(), total.amount(), key.funnel(), key.stage(), key.responsibleId());
        } else {
          insert(key, total.deals(), total.amount());
        }
      }
      return rewritten;
    });
    if (off != null && off > 0) {
      log.info("Deal tally recounted: {} stage and responsible rows were off", off);
    }
    return off == null ? 0 : off;
  }

  /** This transaction's moves, added up by key; null outside a transaction. */
  private static Map<Key, Change> pending() {
    Pending pending = TransactionScoped.get(Pending.class, Pending::new);
    return pending == null ? null : pending.moves;
  }

  private static final class Pending implements TransactionSynchronization {
    final Map<Key, Change> moves = new HashMap<>();
  }
}
