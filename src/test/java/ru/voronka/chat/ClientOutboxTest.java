package ru.voronka.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealRepository;
import ru.voronka.support.WorkspaceTest;

/** Issue 17, item 1: one way out to a client — stored in the deal's client chat, queued once per cause. */
class ClientOutboxTest extends WorkspaceTest {

  @Autowired ClientOutbox outbox;
  @Autowired ChatMessageRepository messages;
  @Autowired DealRepository deals;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;

  Deal deal() {
    return deals.findAll().stream().filter(d -> d.getTitle().equals("Узел учёта тепла")).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("SWA-CHAT-1")
  void aMessageToAClientIsStoredInTheDealsClientChat_queuedForTheOutboxJob_withItsCause() {
    String cause = "test-cause-" + UUID.randomUUID();
    ClientOutbox.Queued queued = outbox.send(ClientOutbox.Outgoing.whatsapp(deal().getId(), cause, "Здравствуйте!", null));

    ChatMessage stored = messages.findById(queued.messageId()).orElseThrow();
    assertThat(queued.repeated()).isFalse();
    assertThat(stored.getStatus()).isEqualTo(MessageStatus.QUEUED);
    assertThat(stored.getIdempotencyKey()).isEqualTo(cause);
    assertThat(jdbc.queryForObject("select c.kind from chat_message m join chat c on c.id = m.chat_id where m.id = ?",
        String.class, stored.getId())).isEqualTo("DEAL_CLIENT");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ClientMessageOutbox.PROCESS)
        .variableValueEquals("messageId", stored.getId()).count()).isEqualTo(1);
  }

  @Test
  @DisplayName("SWA-ONCE-1")
  void theSameCauseNeverSendsTwice_aRetryFindsItsMessage() {
    String cause = "test-cause-" + UUID.randomUUID();
    Long first = outbox.send(ClientOutbox.Outgoing.whatsapp(deal().getId(), cause, "Раз", null)).messageId();
    ClientOutbox.Queued again = outbox.send(ClientOutbox.Outgoing.whatsapp(deal().getId(), cause, "Два", null));

    assertThat(again.repeated()).isTrue();
    assertThat(again.messageId()).isEqualTo(first);
    assertThat(jdbc.queryForObject("select count(*) from chat_message where idempotency_key = ?", Long.class, cause)).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ClientMessageOutbox.PROCESS)
        .variableValueEquals("messageId", first).count()).isEqualTo(1);
  }

  @Test
  @DisplayName("SWA-ONCE-2")
  void twoNodesQueueingTheSameCauseAtOnce_theDatabaseLetsOneThrough() {
    String cause = "test-cause-" + UUID.randomUUID();
    Long chat = jdbc.queryForObject("select id from chat where deal_id = ? and kind = 'DEAL_CLIENT'", Long.class, deal().getId());
    String insert = """
        insert into chat_message (chat_id, direction, channel, author_name, body, status, idempotency_key, created_at)
        values (?, 'OUTGOING', 'WHATSAPP', 'Воронка', 'x', 'QUEUED', ?, current_timestamp)""";
    jdbc.update(insert, chat, cause);
    assertThatThrownBy(() -> jdbc.update(insert, chat, cause)).isInstanceOf(DataIntegrityViolationException.class);
  }
}
