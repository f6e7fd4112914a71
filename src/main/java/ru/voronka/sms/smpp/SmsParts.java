package ru.voronka.sms.smpp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The parts of SMS handed to the gateway ({@code sms_part}), each write committed at once in a
 * transaction of its own: the job that sends an SMS rolls back when it fails, and what the gateway
 * was told (and when) must outlive that — it decides whether a retry may send again.
 */
final class SmsParts {

  enum State {
    /** Not handed over yet. */
    NEW,
    /** The gateway took it (its id is known): never sent again. */
    ACCEPTED,
    /** Handed over, no answer (a timeout, a connection lost behind it): it may have gone out. */
    UNCERTAIN,
    /** The gateway said it did not take it (throttled, busy): sent again on the next attempt. */
    RETRY,
    /** The gateway refused it for good (a wrong number): never sent. */
    REJECTED
  }

  record Part(long id, String reference, int partNo, int parts, int concatRef, String destination, State state, int attempts,
      String gatewayId, String receiptState, String detail, Instant updatedAt) {}

  private static final String COLUMNS = "id, reference, part_no, parts, concat_ref, destination, state, attempts, gateway_id, "
      + "receipt_state, detail, updated_at";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate own;
  private final Clock clock;

  SmsParts(DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.own = new TransactionTemplate(transactions);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** The parts of the SMS with this reference, made (NEW) the first time it is sent — one transaction either way. */
  List<Part> open(String reference, String destination, int parts, int concatRef) {
    try {
      return own.execute(tx -> {
        List<Part> existing = select(reference);
        if (!existing.isEmpty()) {
          return existing;
        }
        for (int number = 1; number <= parts; number++) {
          jdbc.update("""
              insert into sms_part (reference, part_no, parts, concat_ref, destination, state, updated_at)
              values (?, ?, ?, ?, ?, 'NEW', ?)""", reference, number, parts, concatRef, destination, now());
        }
        return select(reference);
      });
    } catch (DuplicateKeyException raced) {
      return parts(reference); // another node opened the same SMS a moment ago: its rows are the ones
    }
  }

  /** Rows of SMS finished long ago: what the gateway said of them no longer matters. */
  int forget(Duration olderThan) {
    return own.execute(tx -> jdbc.update("delete from sms_part where updated_at < ?",
        clock.instant().minus(olderThan).atOffset(ZoneOffset.UTC)));
  }

  List<Part> parts(String reference) {
    return own.execute(tx -> select(reference));
  }

  private List<Part> select(String reference) {
    return jdbc.query("select " + COLUMNS + " from sms_part where reference = ? order by part_no", SmsParts::part, reference);
  }

  Optional<Part> byId(long id) {
    return own.execute(tx -> jdbc.query("select " + COLUMNS + " from sms_part where id = ?", SmsParts::part, id))
        .stream().findFirst();
  }

  void accepted(long id, String gatewayId) {
    write("""
        update sms_part set state = 'ACCEPTED', attempts = attempts + 1, gateway_id = ?, id_key = ?, id_hex_value = ?,
          detail = null, updated_at = ? where id = ?""",
        gatewayId, GatewayIds.key(gatewayId), GatewayIds.hexValue(gatewayId), now(), id);
  }

  /** Handed over without an answer; returns the attempt's number, which a late answer must name. */
  int uncertain(long id, String detail) {
    return own.execute(tx -> {
      jdbc.update("update sms_part set state = 'UNCERTAIN', attempts = attempts + 1, detail = ?, updated_at = ? where id = ?",
          detail, now(), id);
      return jdbc.queryForObject("select attempts from sms_part where id = ?", Integer.class, id);
    });
  }

  /** The gateway's reply came after all, to that attempt: the part is taken (unless a resend was made meanwhile). */
  boolean lateAccepted(long id, int attempt, String gatewayId) {
    return own.execute(tx -> jdbc.update("""
        update sms_part set state = 'ACCEPTED', gateway_id = ?, id_key = ?, id_hex_value = ?, detail = null, updated_at = ?
        where id = ? and state = 'UNCERTAIN' and attempts = ?""",
        gatewayId, GatewayIds.key(gatewayId), GatewayIds.hexValue(gatewayId), now(), id, attempt)) > 0;
  }

  /** A late refusal of that attempt: the next attempt need not wait. */
  void lateRefused(long id, int attempt, String detail) {
    write("update sms_part set state = 'RETRY', detail = ?, updated_at = ? where id = ? and state = 'UNCERTAIN' and attempts = ?",
        detail, now(), id, attempt);
  }

  void retry(long id, String detail) {
    write("update sms_part set state = 'RETRY', attempts = attempts + 1, detail = ?, updated_at = ? where id = ?",
        detail, now(), id);
  }

  void rejected(long id, String detail) {
    write("update sms_part set state = 'REJECTED', attempts = attempts + 1, detail = ?, updated_at = ? where id = ?",
        detail, now(), id);
  }

  /**
   * A receipt for the part: it was taken (even if its reply never came), and its state. A receipt
   * that is not final does not overwrite a final one (receipts may come out of order).
   */
  void receipt(long id, String gatewayId, String state, boolean isFinal) {
    write("""
        update sms_part set state = 'ACCEPTED', receipt_state = case when ? or receipt_state is null
            or receipt_state not in ('DELIVRD', 'UNDELIV', 'EXPIRED', 'DELETED', 'REJECTD', 'SKIPPED') then ? else receipt_state end,
          gateway_id = coalesce(gateway_id, ?), id_key = coalesce(id_key, ?), id_hex_value = coalesce(id_hex_value, ?),
          updated_at = ? where id = ?""",
        isFinal, state, gatewayId, GatewayIds.key(gatewayId), GatewayIds.hexValue(gatewayId), now(), id);
  }

  /** The accepted part a receipt's id names, whichever way it is spelt; one still awaiting its final receipt first. */
  Optional<Part> byGatewayId(String receiptId) {
    return own.execute(tx -> {
      for (GatewayIds.Lookup lookup : GatewayIds.lookups(receiptId)) {
        List<Part> found = jdbc.query("select " + COLUMNS + " from sms_part where "
            + (lookup.byHexValue() ? "id_hex_value" : "id_key") + " = ? and state = 'ACCEPTED' order by updated_at desc",
            SmsParts::part, lookup.value());
        if (!found.isEmpty()) {
          return found.stream().filter(p -> !finalState(p.receiptState())).findFirst().or(() -> Optional.of(found.get(0)));
        }
      }
      return Optional.empty();
    });
  }

  /** The oldest part to this number handed over without an answer since the instant: a receipt of unknown id may be its. */
  Optional<Part> uncertainTo(String destination, Instant since) {
    return own.execute(tx -> jdbc.query("select " + COLUMNS
        + " from sms_part where destination = ? and state = 'UNCERTAIN' and updated_at >= ? order by updated_at, part_no",
        SmsParts::part, destination, since.atOffset(ZoneOffset.UTC))).stream().findFirst();
  }

  static boolean finalState(String receiptState) {
    return receiptState != null && switch (receiptState) {
      case "DELIVRD", "UNDELIV", "EXPIRED", "DELETED", "REJECTD", "SKIPPED" -> true;
      default -> false;
    };
  }

  private void write(String sql, Object... args) {
    own.executeWithoutResult(tx -> jdbc.update(sql, args));
  }

  private OffsetDateTime now() {
    return clock.instant().atOffset(ZoneOffset.UTC);
  }

  private static Part part(ResultSet rs, int row) throws SQLException {
    return new Part(rs.getLong("id"), rs.getString("reference"), rs.getInt("part_no"), rs.getInt("parts"),
        rs.getInt("concat_ref"), rs.getString("destination"), State.valueOf(rs.getString("state")), rs.getInt("attempts"),
        rs.getString("gateway_id"), rs.getString("receipt_state"), rs.getString("detail"),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }
}
