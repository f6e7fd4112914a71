package ru.voronka.whatsapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.chat.ChatReceiving;
import ru.voronka.deals.DealWork;

/**
 * Clients' files, fetched after their message is stored. The webhook only writes down where each
 * file is and starts «Загрузка вложения клиента» (processes/client-media.bpmn) in the transaction
 * that stores the message; the job executor fetches it ({@link MediaDownloader}), retried with
 * back-off while the provider stumbles, an incident in Cockpit when it never comes back. Meanwhile
 * the message reads {@value #PLACEHOLDER}; when the last of its files is in, that line goes —
 * replaced by «[вложение не получено: …]» for a file refused for good.
 */
@Service
@Transactional
public class MediaDownloads {

  static final String PROCESS = "clientMediaDownload";
  static final String PLACEHOLDER = "вложение загружается…";

  enum State { PENDING, DONE, FAILED }

  private record Media(long id, long messageId, InboundMessage.MediaRef ref, State state) {}

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final MediaDownloader downloader;
  private final ChatReceiving receiving;
  private final Clock clock;

  MediaDownloads(JdbcTemplate jdbc, RuntimeService runtime, MediaDownloader downloader, ChatReceiving receiving, Clock clock) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.downloader = downloader;
    this.receiving = receiving;
    this.clock = clock;
  }

  /** In the transaction that stores the message: where its files are, and a job for each. */
  void enqueue(long messageId, long dealId, List<InboundMessage.MediaRef> media) {
    for (InboundMessage.MediaRef ref : media) {
      Number id = insert(messageId, ref);
      runtime.startProcessInstanceByKey(PROCESS, DealWork.businessKey(dealId),
          Map.of("mediaId", id.longValue(), "messageId", messageId, "dealId", dealId));
    }
  }

  /**
   * «Загрузить вложение».
   *
   * @throws MediaSources.Refused when no retry helps; any other failure is retried by the job
   */
  void download(long mediaId) throws MediaSources.Refused {
    Media media = find(mediaId);
    if (media.state() != State.PENDING) {
      return; // a retry after it went through
    }
    try {
      var file = downloader.download(media.ref());
      lock(media.messageId());
      receiving.attachReceived(media.messageId(), file);
      settle(media, State.DONE, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("прервано", e);
    }
  }

  /** «Отметить вложение неполученным»: the message says which file did not come and why. */
  void lost(long mediaId, String reason) {
    Media media = find(mediaId);
    if (media.state() == State.PENDING) {
      lock(media.messageId());
      settle(media, State.FAILED, reason == null || reason.isBlank() ? "причина неизвестна" : reason);
    }
  }

  private void settle(Media media, State state, String error) {
    jdbc.update("update inbound_media set state = ?, error = ? where id = ?", state.name(),
        error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error, media.id());
    List<Map<String, Object>> rest = jdbc.queryForList("select state, error from inbound_media where message_id = ? order by id",
        media.messageId());
    if (rest.stream().noneMatch(r -> State.PENDING.name().equals(r.get("state")))) {
      String lost = rest.stream().filter(r -> State.FAILED.name().equals(r.get("state")))
          .map(r -> "[вложение не получено: " + r.get("error") + "]").collect(Collectors.joining("\n"));
      receiving.rewriteReceived(media.messageId(), body -> without(body, lost));
    }
  }

  /** The placeholder line replaced by what did not come (or by nothing). */
  static String without(String body, String lost) {
    String text = body == null ? "" : body;
    String replaced = text.contains(PLACEHOLDER) ? text.replace(PLACEHOLDER, lost) : text + (lost.isEmpty() ? "" : "\n" + lost);
    return replaced.strip();
  }

  /** Two files of one message may come at once: one job at a time rewrites its text. */
  private void lock(long messageId) {
    jdbc.queryForList("select id from chat_message where id = ? for update", messageId);
  }

  private Number insert(long messageId, InboundMessage.MediaRef ref) {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.update(connection -> {
      var insert = connection.prepareStatement("""
          insert into inbound_media (message_id, provider, url, cloud_media_id, file_name, state, created_at)
          values (?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
      insert.setLong(1, messageId);
      insert.setString(2, ref.provider());
      insert.setString(3, ref.url() == null || ref.url().length() <= 2000 ? ref.url() : ref.url().substring(0, 2000));
      insert.setString(4, ref.cloudMediaId());
      insert.setString(5, ref.fileName() == null || ref.fileName().length() <= 255 ? ref.fileName() : ref.fileName().substring(0, 255));
      insert.setString(6, State.PENDING.name());
      insert.setTimestamp(7, Timestamp.from(clock.instant()));
      return insert;
    }, keys);
    return keys.getKey();
  }

  private Media find(long mediaId) {
    return jdbc.queryForObject("select id, message_id, provider, url, cloud_media_id, file_name, state from inbound_media where id = ?",
        (rs, i) -> new Media(rs.getLong(1), rs.getLong(2),
            new InboundMessage.MediaRef(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)),
            State.valueOf(rs.getString(7))), mediaId);
  }
}
