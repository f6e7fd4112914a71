package ru.voronka.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.Viewer;
import ru.voronka.messaging.ClientGroups;
import ru.voronka.messaging.ClientMessenger;
import ru.voronka.messaging.ClientMessenger.MessageNotSentException;
import ru.voronka.messaging.ClientMessenger.MessageTemplate;
import ru.voronka.messaging.ClientMessenger.OutgoingMessage;
import ru.voronka.messaging.ClientMessenger.SentMessage;
import ru.voronka.sms.SmsPort;
import ru.voronka.sms.SmsTemplates;
import ru.voronka.support.TestClock;
import ru.voronka.support.WorkspaceTest;
import ru.voronka.telephony.ClickToCall;

/**
 * Issue 17, items 3 and 4, the outbox's side: a message with text and files leaves as parts through the
 * messaging port — each file its own provider message with its own status — and a retry sends only the
 * parts still missing. The port is a stand-in here (the adapters' wire shapes have their own tests);
 * the delivery runs in a transaction that rolls back on a failure, as the outbox's job does.
 */
class ClientDeliveryPartsTest extends WorkspaceTest {

  @Autowired ClientOutbox outbox;
  @Autowired ChatMessageRepository messages;
  @Autowired ChatAttachmentRepository attachments;
  @Autowired DealRepository deals;
  @Autowired ClientGroups clientGroups;
  @Autowired SmsPort sms;
  @Autowired ChatNews news;
  @Autowired ApplicationEventPublisher events;
  @Autowired DeliveryProgress progress;
  @Autowired ChatFileLinks fileLinks;
  @Autowired ClientWindow window;
  @Autowired ChatPresenter presenter;
  @Autowired TransactionTemplate transactions;
  @Autowired MockMvc mvc;
  @Autowired ChatReceiving receiving;
  @Autowired ReadMarkRepository marks;
  @Autowired ChatGuard guard;
  @Autowired ClientMessageOutbox queue;
  @Autowired ClickToCall telephony;
  @Autowired SmsTemplates smsTemplates;

  /** The provider as a function of each part; every part it was given is kept. */
  static class Provider implements ClientMessenger {
    final List<OutgoingMessage> given = new ArrayList<>();
    Function<OutgoingMessage, SentMessage> answer = m -> new SentMessage("test", "test:" + m.reference());
    List<MessageTemplate> templates = List.of();

    @Override
    public SentMessage send(OutgoingMessage message) {
      given.add(message);
      return answer.apply(message);
    }

    @Override
    public List<MessageTemplate> templates() {
      return templates;
    }
  }

  Provider provider = new Provider();

  ClientDelivery delivery() {
    return new ClientDelivery(messages, provider, clientGroups, sms, news, events, attachments, progress, fileLinks, window);
  }

  /** As the outbox's job: one transaction, rolled back when the send throws. */
  void deliverAsTheJob(Long messageId) {
    transactions.executeWithoutResult(tx -> delivery().deliver(messageId));
  }

  Deal deal() {
    return deals.findAll().stream().filter(d -> d.getTitle().equals("Узел учёта тепла")).findFirst().orElseThrow();
  }

  Long queue(String text, String... fileNames) {
    List<Upload> files = new ArrayList<>();
    for (String name : fileNames) {
      files.add(new Upload(name, name.endsWith(".jpg") ? "image/jpeg" : "application/pdf",
          ("content of " + name).getBytes(StandardCharsets.UTF_8)));
    }
    return outbox.send(new ClientOutbox.Outgoing(deal().getId(), "parts-" + UUID.randomUUID(), null, text,
        Channel.WHATSAPP, null, null, null, files)).messageId();
  }

  List<ChatAttachment> filesOf(Long messageId) {
    return attachments.findAll().stream().filter(a -> a.getMessage().getId().equals(messageId))
        .sorted(java.util.Comparator.comparing(ChatAttachment::getId)).toList();
  }

  @Test
  @DisplayName("SWA-FILE-2")
  void textAndEachFileLeaveAsPartsOfTheirOwn_eachFileWithItsStatus() {
    Long id = queue("КП и схема во вложении", "КП.pdf", "схема.jpg");
    List<ChatAttachment> files = filesOf(id);
    assertThat(files).extracting(ChatAttachment::getStatus).containsOnly(MessageStatus.QUEUED);

    deliverAsTheJob(id);

    assertThat(provider.given).hasSize(3);
    OutgoingMessage text = provider.given.get(0);
    assertThat(text.text()).isEqualTo("КП и схема во вложении");
    assertThat(text.file()).isNull();
    assertThat(text.reference()).isEqualTo("chat-message-" + id);
    assertThat(text.clientSilentFor()).as("the client's own number: the window is known").isNotNull();
    for (int i = 0; i < 2; i++) {
      OutgoingMessage part = provider.given.get(i + 1);
      ChatAttachment file = files.get(i);
      assertThat(part.text()).isNull();
      assertThat(part.phone()).isEqualTo(text.phone());
      assertThat(part.reference()).isEqualTo("chat-message-" + id + "-file-" + file.getId());
      assertThat(part.file().fileName()).isEqualTo(file.getFileName());
      assertThat(new String(part.file().content(), StandardCharsets.UTF_8)).isEqualTo("content of " + file.getFileName());
      assertThat(part.file().url()).contains("/public/chat-files/" + file.getId() + "/").contains("?e=").contains("&t=");
    }
    ChatMessage sent = messages.findById(id).orElseThrow();
    assertThat(sent.getStatus()).isEqualTo(MessageStatus.SENT);
    assertThat(sent.getExternalId()).isEqualTo("test:chat-message-" + id);
    assertThat(filesOf(id)).extracting(ChatAttachment::getStatus).containsOnly(MessageStatus.SENT);
    assertThat(filesOf(id)).extracting(ChatAttachment::getExternalId)
        .containsExactly("test:chat-message-" + id + "-file-" + files.get(0).getId(),
            "test:chat-message-" + id + "-file-" + files.get(1).getId());

    // The provider's statuses come back per part; the chat row shows each file's.
    transactions.executeWithoutResult(tx -> delivery().updateStatus(filesOf(id).get(0).getExternalId(),
        MessageStatus.DELIVERED, null));
    var view = transactions.execute(tx -> presenter.views(List.of(messages.findById(id).orElseThrow()), null, 0).get(0));
    assertThat(view.status()).isEqualTo("Отправлено");
    assertThat(view.attachments()).extracting(ChatViews.AttachmentView::status).containsExactly("Доставлено", "Отправлено");
  }

  @Test
  @DisplayName("SWA-FILE-2")
  void aRetryAfterAFileFailedSendsOnlyWhatIsMissing() {
    Long id = queue("Документы", "Договор.pdf", "Счёт.pdf");
    List<ChatAttachment> files = filesOf(id);
    String secondFile = "-file-" + files.get(1).getId();
    provider.answer = m -> {
      if (m.reference().endsWith(secondFile)) {
        throw new MessageNotSentException("Wazzup недоступен: connect timed out", null, true);
      }
      return new SentMessage("test", "test:" + m.reference());
    };

    assertThatThrownBy(() -> deliverAsTheJob(id)).isInstanceOfSatisfying(MessageNotSentException.class, e -> {
      assertThat(e.isRetryable()).isTrue();
      assertThat(e.getMessage()).isEqualTo("Файл «Счёт.pdf»: Wazzup недоступен: connect timed out");
    });
    assertThat(filesOf(id)).extracting(ChatAttachment::getStatus).containsExactly(MessageStatus.SENT, MessageStatus.FAILED);
    assertThat(filesOf(id).get(1).getStatusReason()).isEqualTo("Wazzup недоступен: connect timed out");
    assertThat(messages.findById(id).orElseThrow().getStatus()).as("the job's transaction rolled back")
        .isEqualTo(MessageStatus.QUEUED);

    provider.given.clear();
    provider.answer = m -> new SentMessage("test", "test:" + m.reference());
    deliverAsTheJob(id);

    assertThat(provider.given).extracting(OutgoingMessage::reference).containsExactly("chat-message-" + id + secondFile);
    ChatMessage sent = messages.findById(id).orElseThrow();
    assertThat(sent.getStatus()).isEqualTo(MessageStatus.SENT);
    assertThat(sent.getExternalId()).as("the text's id, kept from the first attempt").isEqualTo("test:chat-message-" + id);
    assertThat(filesOf(id)).extracting(ChatAttachment::getStatus).containsOnly(MessageStatus.SENT);
  }

  @Test
  void aFileNoRetryCanSendFailsTheMessageWithItsName_theOtherFilesStillGo() {
    Long id = queue("", "огромный.pdf", "Счёт.pdf");
    provider.answer = m -> {
      if (m.file() != null && m.file().fileName().equals("огромный.pdf")) {
        throw new MessageNotSentException("Wazzup отказал (400): fileTooBig", null, false);
      }
      return new SentMessage("test", "test:" + m.reference());
    };

    assertThatThrownBy(() -> deliverAsTheJob(id)).isInstanceOfSatisfying(MessageNotSentException.class, e -> {
      assertThat(e.isRetryable()).isFalse();
      assertThat(e.getMessage()).isEqualTo("Не отправлены файл «огромный.pdf»: Wazzup отказал (400): fileTooBig");
    });
    assertThat(provider.given).hasSize(2).allMatch(m -> m.file() != null);
    assertThat(filesOf(id)).extracting(ChatAttachment::getStatus).containsExactly(MessageStatus.FAILED, MessageStatus.SENT);
  }

  @Test
  void theClientsSilenceGoesWithTheMessage_aTemplateMessageGoesAsItsTemplate() {
    Deal deal = deal();
    receiving.receiveFromClient(deal.getId(), "+79215558822", Channel.WHATSAPP, "Пришлите счёт", List.of(),
        "test:in-" + UUID.randomUUID());
    TestClock.INSTANCE.advance(Duration.ofHours(25));
    provider.templates = List.of(new MessageTemplate("invoice_ready", "ru", "UTILITY", "{{1}}, счёт по сделке {{2}} готов.", 2));
    ChatPosting posting = new ChatPosting(messages, marks, guard, presenter, news, queue, telephony, smsTemplates, provider);
    Long chatId = transactions.execute(tx -> messages.findById(queue("проверка")).orElseThrow().getChat().getId());
    Viewer rop = Viewer.of("smirnova", List.of("rop"));

    assertThatThrownBy(() -> transactions.execute(tx -> posting.postTemplate(chatId, rop, "invoice_ready|ru", List.of("Андрей"))))
        .hasMessageContaining("Заполните все параметры");
    var view = transactions.execute(tx -> posting.postTemplate(chatId, rop, "invoice_ready|ru", List.of("Андрей", "№ 12")));
    assertThat(view.body()).isEqualTo("Андрей, счёт по сделке № 12 готов.");
    deliverAsTheJob(view.id());

    OutgoingMessage sent = provider.given.get(provider.given.size() - 1);
    assertThat(sent.template()).isEqualTo(new ClientMessenger.TemplateMessage("invoice_ready", "ru", List.of("Андрей", "№ 12")));
    assertThat(sent.text()).isEqualTo("Андрей, счёт по сделке № 12 готов.");
    assertThat(sent.clientSilentFor()).isGreaterThan(Duration.ofHours(24)).isLessThan(Duration.ofHours(26));
    assertThat(sent.outsideServiceWindow()).isTrue();
  }

  @Test
  void theProviderFetchesAFileByItsSignedLinkWithoutAnAccount_aForgedOrExpiredLinkOpensNothing() throws Exception {
    Long id = queue("", "КП.pdf");
    ChatAttachment file = filesOf(id).get(0);
    String link = fileLinks.link(file.getId(), "КП 12.pdf");
    assertThat(link).contains("/public/chat-files/" + file.getId() + "/%D0%9A%D0%9F%2012.pdf?e=");
    String path = link.substring(link.indexOf("/public/"));

    mvc.perform(get(java.net.URI.create(path))).andExpect(status().isOk())
        .andExpect(content().bytes("content of КП.pdf".getBytes(StandardCharsets.UTF_8)));
    mvc.perform(get(java.net.URI.create(path.replaceAll("t=[^&]+", "t=forged")))).andExpect(status().isNotFound());
    mvc.perform(get(java.net.URI.create(path.replace("/chat-files/" + file.getId(), "/chat-files/" + (file.getId() + 1)))))
        .andExpect(status().isNotFound());
    mvc.perform(get(java.net.URI.create(path.replaceAll("/[^/?]+\\?", "?")))) // the name is only shown
        .andExpect(status().isOk());

    TestClock.INSTANCE.advance(Duration.ofHours(25));
    mvc.perform(get(java.net.URI.create(path))).andExpect(status().isNotFound());
  }
}
