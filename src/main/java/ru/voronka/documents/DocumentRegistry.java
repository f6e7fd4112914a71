package ru.voronka.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import ru.voronka.platform.RussianFormats;

/**
 * Numbers and versions, safe when many are made at once on several nodes. A document of a deal gets
 * its number once — the next of its type in its year, taken under the counter row's lock — and keeps
 * it in every version; a version's number is taken under the document row's lock. Rows that may not
 * exist yet (a year's counter, a deal's document) are created in a transaction of their own, so a
 * concurrent creator's duplicate costs a retry, not the caller's transaction.
 */
@Component
@Transactional
public class DocumentRegistry {

  /** A deal's document before its versions: type, number, date. */
  public record Head(Long id, Long dealId, DocumentType type, int number, LocalDate date) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  DocumentRegistry(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The deal's document of this type, numbered now if it has none yet. */
  public Head ensure(Long dealId, DocumentType type) {
    for (int attempt = 0; ; attempt++) {
      Optional<Head> head = find(dealId, type);
      if (head.isPresent()) {
        return head.get();
      }
      try {
        ownTransaction.executeWithoutResult(status -> {
          LocalDate today = LocalDate.now(clock.withZone(RussianFormats.MOSCOW));
          int number = nextNumber(type, today.getYear());
          jdbc.update("insert into deal_document (deal_id, doc_type, doc_number, doc_year, doc_date, last_version)"
              + " values (?, ?, ?, ?, ?, 0)", dealId, type.name(), number, today.getYear(), Date.valueOf(today));
        });
      } catch (DataIntegrityViolationException concurrentlyCreated) {
        if (attempt > 5) {
          throw concurrentlyCreated;
        }
      }
    }
  }

  /**
   * The next number of a type in a year, in the caller's transaction (the counter row stays locked
   * until it commits). A year's first number inserts the row; when another transaction inserted it
   * meanwhile, the duplicate key fails the caller's transaction, which {@link #ensure} retries.
   */
  int nextNumber(DocumentType type, int year) {
    int updated = jdbc.update("update document_counter set last_number = last_number + 1 where doc_type = ? and doc_year = ?",
        type.name(), year);
    if (updated == 1) {
      return jdbc.queryForObject("select last_number from document_counter where doc_type = ? and doc_year = ?",
          Integer.class, type.name(), year);
    }
    jdbc.update("insert into document_counter (doc_type, doc_year, last_number) values (?, ?, 1)", type.name(), year);
    return 1;
  }

  /** Stores the next version of a document: its bytes, who, why and their SHA-256. */
  public DocumentVersionView addVersion(Head head, DocumentStatus status, String reason, String actor, String fileName,
      String contentType, byte[] content) {
    jdbc.update("update deal_document set last_version = last_version + 1 where id = ?", head.id());
    int version = jdbc.queryForObject("select last_version from deal_document where id = ?", Integer.class, head.id());
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    Timestamp now = Timestamp.from(clock.instant());
    String sha = sha256(content);
    jdbc.update(c -> {
      var ps = c.prepareStatement("insert into document_version (document_id, version, status, reason, created_by, created_at,"
          + " file_name, content_type, size_bytes, sha256, content) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setLong(1, head.id());
      ps.setInt(2, version);
      ps.setString(3, status.name());
      ps.setString(4, reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason);
      ps.setString(5, actor);
      ps.setTimestamp(6, now);
      ps.setString(7, fileName);
      ps.setString(8, contentType);
      ps.setLong(9, content.length);
      ps.setString(10, sha);
      ps.setBytes(11, content);
      return ps;
    }, key);
    return version(key.getKey().longValue()).orElseThrow();
  }

  @Transactional(readOnly = true)
  public Optional<Head> find(Long dealId, DocumentType type) {
    return jdbc.query("select * from deal_document where deal_id = ? and doc_type = ?", DocumentRegistry::head, dealId,
        type.name()).stream().findFirst();
  }

  @Transactional(readOnly = true)
  public List<DocumentVersionView> versions(Long dealId) {
    return jdbc.query(SELECT + " where d.deal_id = ? order by d.doc_type, v.version desc", DocumentRegistry::view, dealId);
  }

  @Transactional(readOnly = true)
  public Optional<DocumentVersionView> version(Long versionId) {
    return jdbc.query(SELECT + " where v.id = ?", DocumentRegistry::view, versionId).stream().findFirst();
  }

  /** The newest version of a deal's document with this status. */
  @Transactional(readOnly = true)
  public Optional<DocumentVersionView> latest(Long dealId, DocumentType type, DocumentStatus status) {
    return jdbc.query(SELECT + " where d.deal_id = ? and d.doc_type = ? and v.status = ? order by v.version desc",
        DocumentRegistry::view, dealId, type.name(), status.name()).stream().findFirst();
  }

  @Transactional(readOnly = true)
  public Optional<StoredFile> file(Long versionId) {
    return jdbc.query("select v.id, d.deal_id, v.file_name, v.content_type, v.content from document_version v"
            + " join deal_document d on d.id = v.document_id where v.id = ?",
        (rs, n) -> new StoredFile(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBytes(5)), versionId)
        .stream().findFirst();
  }

  public void recordSending(Long versionId, String channel, String recipient, String actor) {
    jdbc.update("insert into document_sending (version_id, channel, recipient, sent_by, sent_at) values (?, ?, ?, ?, ?)",
        versionId, channel, recipient, actor, Timestamp.from(clock.instant()));
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String SELECT = "select v.id, v.document_id, d.deal_id, d.doc_type, d.doc_number, d.doc_date, v.version,"
      + " v.status, v.reason, v.created_by, v.created_at, v.file_name, v.content_type, v.size_bytes, v.sha256"
      + " from document_version v join deal_document d on d.id = v.document_id";

  private static Head head(ResultSet rs, int n) throws SQLException {
    return new Head(rs.getLong("id"), rs.getLong("deal_id"), DocumentType.valueOf(rs.getString("doc_type")),
        rs.getInt("doc_number"), rs.getDate("doc_date").toLocalDate());
  }

  private static DocumentVersionView view(ResultSet rs, int n) throws SQLException {
    return new DocumentVersionView(rs.getLong("id"), rs.getLong("document_id"), rs.getLong("deal_id"),
        DocumentType.valueOf(rs.getString("doc_type")), rs.getInt("doc_number"), rs.getDate("doc_date").toLocalDate(),
        rs.getInt("version"), DocumentStatus.valueOf(rs.getString("status")), rs.getString("reason"),
        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("file_name"),
        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"));
  }
}
