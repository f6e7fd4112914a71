package ru.voronka.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.messaging.ClientGroups;
import ru.voronka.messaging.ClientMessenger;
import ru.voronka.messaging.ClientMessenger.MessageNotSentException;
import ru.voronka.messaging.ClientMessenger.OutgoingFile;
import ru.voronka.messaging.ClientMessenger.OutgoingMessage;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;
import ru.voronka.sms.SmsPort;
import ru.voronka.sms.SmsReport;

/** Messages to clients leave through their provider (the outbox's job), and come back with statuses and receipts. */
@Service
@Transactional
public class ClientDelivery {

  /** A message's idempotency key with its provider (Wazzup's crmMessageId, the SMS gateway's reference). */
  static final String REFERENCE = "chat-message-";

  private final ChatMessageRepository messages;
  private final ClientMessenger messenger;
  private final ClientGroups clientGroups;
  private final SmsPort sms;
  private final ChatNews news;
  private final ApplicationEventPublisher events;
  private final ChatAttachmentRepository attachments;
  private final DeliveryProgress progress;
  private final ChatFileLinks fileLinks;
  private final ClientWindow window;

  ClientDelivery(ChatMessageRepository messages, ClientMessenger messenger, ClientGroups clientGroups, SmsPort sms,
      ChatNews news, ApplicationEventPublisher events, ChatAttachmentRepository attachments, DeliveryProgress progress,
      ChatFileLinks fileLinks, ClientWindow window) {
    this.attachments = attachments;
    this.progress = progress;
    this.fileLinks = fileLinks;
    this.window = window;
    this.messages = messages;
    this.messenger = messenger;
    this.clientGroups = clientGroups;
    this.sms = sms;
    this.news = news;
    this.events = events;
  }

  /**
   * Sends a queued message to the client through the messaging port — the outbox's job calls it. Its
   * text and each of its files leave as parts, one provider message each, each with its own reference
   * and (for files) its own status; a part that went out is recorded at once (in a transaction of its
   * own), so a retry after a later part failed sends only what is still missing. The message is
   * «Отправлено» when every part is.
   *
   * @throws MessageNotSentException when the provider did not take a part; {@code isRetryable} says
   *     whether another attempt may help
   */
  @Transactional(noRollbackFor = MessageNotSentException.class) // the job decides: a refusal ends in «Ошибка», committed
  public void deliver(Long messageId) {
    ChatMessage message = messages.findById(messageId)
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Сообщение №" + messageId + " не найдено"));
    if (message.isOnItsWay() || message.isDeleted()) {
      return; // a retry after the send went through, or an administrator removed it meanwhile
    }
    if (message.getChannel() == Channel.SMS) {
      deliverSms(message);
      return;
    }
    Chat chat = message.getChat();
    Long dealId = chat.getDeal().getId();
    Optional<String> group = message.getRecipientPhone() != null ? Optional.empty() : clientGroups.groupOf(dealId);
    OutgoingMessage whole;
    if (group.isPresent()) { // the provider holds the deal's group: the parts go to the group
      whole = OutgoingMessage.toGroup(dealId, group.get(), message.getBody(), REFERENCE + message.getId())
          .via(message.getProviderService(), message.getProviderChannel());
    } else {
      String phone = recipient(message);
      if (phone == null) {
        throw new MessageNotSentException("У клиента нет телефона: добавьте его контакту в карточке контрагента", null, false);
      }
      whole = route(message, new OutgoingMessage(dealId, phone, message.getBody(), REFERENCE + message.getId()));
      if (message.getRecipientPhone() == null) { // the client's own number: we know when they last wrote
        whole = whole.withClientSilentFor(window.silence(chat));
      }
    }
    whole = message.template().map(whole::withTemplate).orElse(whole);
    message.markSent(sendParts(message, whole));
    settled(message, true, null);
  }

  /**
   * The text (or template) first, then each file not sent yet. A refusal no retry can fix stops nothing:
   * the other files still go, and the message fails with every reason; a failure a retry may fix stops
   * at once (the provider is down or busy: the next attempt sends the rest).
   *
   * @return the provider's id the message's statuses follow: its text's, else its first file's
   */
  private String sendParts(ChatMessage message, OutgoingMessage whole) {
    String first = message.getExternalId(); // the text went out before a retry
    boolean hasText = message.getBody() != null && !message.getBody().isBlank();
    if (hasText && first == null) {
      first = messenger.send(whole).messageId();
      progress.textSent(message.getId(), first);
    }
    List<String> refused = new ArrayList<>();
    List<Runnable> sent = new ArrayList<>(); // applied to this transaction's copies once every part went out
    for (ChatAttachment attachment : message.getAttachments()) {
      if (attachment.isOnItsWay()) {
        first = first == null ? attachment.getExternalId() : first;
        continue;
      }
      OutgoingFile file = new OutgoingFile(attachment.getFileName(), attachment.getContentType(), attachment.getContent(),
          fileLinks.link(attachment.getId(), attachment.getFileName()));
      String id;
      try {
        id = messenger.send(whole.withFile(file, REFERENCE + message.getId() + "-file-" + attachment.getId())).messageId();
      } catch (MessageNotSentException e) {
        progress.fileFailed(attachment.getId(), e.getMessage());
        if (e.isRetryable()) {
          throw new MessageNotSentException("Файл «" + attachment.getFileName() + "»: " + e.getMessage(), e, true);
        }
        refused.add("файл «" + attachment.getFileName() + "»: " + e.getMessage());
        continue;
      }
      progress.fileSent(attachment.getId(), id);
      sent.add(() -> attachment.sent(id));
      first = first == null ? id : first;
    }
    if (!refused.isEmpty()) {
      throw new MessageNotSentException((hasText ? "Текст отправлен; не отправлены " : "Не отправлены ")
          + String.join("; ", refused), null, false);
    }
    sent.forEach(Runnable::run);
    return first;
  }

  /**
   * WA-11: the service and channel the cause named; else those that reached the client last — the
   * provider of the client's latest WhatsApp message in this chat (its id is «provider:id») and its
   * channel when known; else none, and the messenger takes the first connected service.
   */
  private OutgoingMessage route(ChatMessage message, OutgoingMessage outgoing) {
    if (message.getProviderService() != null) {
      return outgoing.via(message.getProviderService(), message.getProviderChannel());
    }
    return messages.latestFromClient(message.getChat().getId(), PageRequest.of(0, 1)).stream().findFirst()
        .map(last -> outgoing.via(last.getProviderService() != null ? last.getProviderService() : serviceOf(last.getExternalId()),
            last.getProviderChannel()))
        .orElse(outgoing.via(null, message.getProviderChannel()));
  }

  private static String serviceOf(String externalId) {
    int colon = externalId.indexOf(':');
    return colon > 0 ? externalId.substring(0, colon) : null;
  }

  /** The number the cause named, else the client's. */
  private static String recipient(ChatMessage message) {
    return message.getRecipientPhone() != null ? message.getRecipientPhone() : ChatGuard.clientPhone(message.getChat().getDeal());
  }

  private void settled(ChatMessage message, boolean sent, String reason) {
    news.statusChanged(message);
    if (message.getIdempotencyKey() != null) {
      events.publishEvent(new ClientMessageSettled(message.getId(), message.getChat().getDeal().getId(),
          message.getIdempotencyKey(), sent, reason));
    }
  }

  /**
   * The SMS through the SMS port, its reference the message: a retry after a timeout does not send it
   * twice. Its receipt may have moved it on already (in a transaction of its own): only a queued or
   * failed SMS becomes «Отправлено».
   */
  private void deliverSms(ChatMessage message) {
    String phone = recipient(message);
    if (phone == null) {
      throw new MessageNotSentException("У клиента нет телефона: добавьте его контакту в карточке контрагента", null, false);
    }
    SmsPort.SmsReceipt receipt;
    try {
      receipt = sms.send(new SmsPort.Sms(phone, message.getBody(), null, REFERENCE + message.getId()));
    } catch (SmsPort.SmsNotSentException e) {
      throw new MessageNotSentException(e.getMessage(), e, e.isRetryable());
    }
    Long id = message.getId();
    if (messages.moveStatus(id, MessageStatus.SENT, null, "sms:" + receipt.channel() + ":" + receipt.id(),
        List.of(MessageStatus.QUEUED, MessageStatus.FAILED)) > 0) {
      messages.findById(id).ifPresent(m -> settled(m, true, null));
    }
  }

  /** The outbox gave up on a message, or its provider refused it: «Ошибка» with the reason. */
  public void markFailed(Long messageId, String reason) {
    messages.findById(messageId).filter(message -> !message.isOnItsWay()).ifPresent(message -> { // a late receipt may have come
      message.markFailed(reason == null || reason.isBlank() ? "Не отправлено" : reason);
      news.statusChanged(message);
    });
  }

  /** The outbox gave up for good (a refusal no retry can fix): «Ошибка», and the cause is told. */
  public void giveUp(Long messageId, String reason) {
    String why = reason == null || reason.isBlank() ? "Не отправлено" : reason;
    messages.findById(messageId).filter(message -> !message.isOnItsWay()).ifPresent(message -> {
      message.markFailed(why);
      settled(message, false, why);
    });
  }

  /**
   * A provider's delivery status of one of our messages (WA: statuses update messages) or of one of its
   * files (each file went as a message of its own). A files-only message follows its first file.
   */
  public void updateStatus(String externalId, MessageStatus status, String reason) {
    Optional<ChatMessage> message = messages.findByExternalId(externalId);
    message.ifPresent(m -> {
      MessageStatus before = m.getStatus();
      m.advanceStatus(status, reason);
      if (m.getStatus() != before) {
        news.statusChanged(m);
      }
    });
    for (ChatAttachment file : attachments.findByExternalId(externalId)) {
      MessageStatus before = file.getStatus();
      file.advanceStatus(status, reason);
      if (file.getStatus() != before && message.isEmpty()) {
        news.statusChanged(file.getMessage()); // its row is re-read, the file's status with it
      }
    }
  }

  /**
   * What the gateway told later of a client's SMS: its late reply («Отправлено»), its receipt
   * («Доставлено», or «Ошибка» with the state). It corrects an «Ошибка» left by a timeout — the SMS
   * went out after all — but never moves a delivered one back.
   */
  @EventListener
  public void smsReported(SmsReport report) {
    Long id = messageOf(report.reference());
    if (id == null) {
      return; // not a client's SMS (an employee's notification)
    }
    int changed = switch (report.outcome()) {
      case SENT -> messages.moveStatus(id, MessageStatus.SENT, null, null, List.of(MessageStatus.QUEUED, MessageStatus.FAILED));
      case DELIVERED -> messages.moveStatus(id, MessageStatus.DELIVERED, null, null,
          List.of(MessageStatus.QUEUED, MessageStatus.SENT, MessageStatus.FAILED));
      case FAILED -> messages.moveStatus(id, MessageStatus.FAILED, "SMS не доставлено: " + report.state(), null,
          List.of(MessageStatus.QUEUED, MessageStatus.SENT, MessageStatus.FAILED));
    };
    if (changed > 0) {
      messages.findById(id).ifPresent(news::statusChanged);
    }
  }

  private static Long messageOf(String reference) {
    return reference != null && reference.matches(REFERENCE + "\\d+") ? Long.valueOf(reference.substring(REFERENCE.length())) : null;
  }
}
