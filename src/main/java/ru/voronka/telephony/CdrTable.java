package ru.voronka.telephony;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The CDRs Asterisk's cdr_pgsql writes into Voronka's own database ({@code asterisk_cdr}, see
 * docs/asterisk/cdr_pgsql.conf). Chosen over buffering cdr_manager's AMI events: those are lost with
 * the very link whose outage they should cover, while the table is written whether Voronka listens
 * or not. Times are epoch seconds, as cdr_pgsql writes them into double precision columns.
 */
@Component
class CdrTable implements CallDetailRecords {

  private static final Logger log = LoggerFactory.getLogger(CdrTable.class);

  private final JdbcTemplate jdbc;

  CdrTable(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Cdr> endedSince(Instant from, Collection<String> alsoLinkedIds) {
    List<Cdr> records = new ArrayList<>();
    String select = "select linkedid, uniqueid, channel, dstchannel, lastapp, lastdata, src, dst, disposition,"
        + " \"start\", \"answer\", \"end\" from asterisk_cdr where ";
    try {
      records.addAll(jdbc.query(select + "\"end\" >= ? order by \"start\", sequence", CdrTable::row, seconds(from)));
      for (List<String> some : chunks(List.copyOf(alsoLinkedIds))) {
        String in = String.join(",", java.util.Collections.nCopies(some.size(), "?"));
        jdbc.query(select + "linkedid in (" + in + ") and \"end\" < ? order by \"start\", sequence",
            rs -> {
              records.add(row(rs, 0));
            }, java.util.stream.Stream.concat(some.stream(), java.util.stream.Stream.of(seconds(from))).toArray());
      }
    } catch (DataAccessException e) {
      log.warn("Asterisk's CDRs could not be read: {}", e.getMessage());
    }
    return records;
  }

  private static double seconds(Instant at) {
    return at.getEpochSecond() + at.getNano() / 1e9;
  }

  private static List<List<String>> chunks(List<String> all) {
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 500) {
      chunks.add(all.subList(i, Math.min(all.size(), i + 500)));
    }
    return chunks;
  }

  private static Cdr row(ResultSet rs, int n) throws SQLException {
    return new Cdr(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getString(7), rs.getString(8), rs.getString(9), instant(rs.getDouble(10)), instant(rs.getDouble(11)),
        instant(rs.getDouble(12)));
  }

  /** Epoch seconds; 0 (cdr_pgsql's «never») is null. */
  private static Instant instant(double seconds) {
    if (seconds <= 0) {
      return null;
    }
    long whole = (long) Math.floor(seconds);
    return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e6) * 1000);
  }
}
