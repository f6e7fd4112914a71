package ru.voronka.chat;

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

  ClientDelivery(ChatMessageRepository messages, ClientMessenger messenger, ClientGroups clientGroups, SmsPort sms,
      ChatNews news, ApplicationEventPublisher events) {
    this.messages = messages;
    this.messenger = messenger;
    this.clientGroups = clientGroups;
    this.sms = sms;
    this.news = news;
    this.events = events;
  }

  /**
   * Sends a queued message to the client through the messaging port — the outbox's job calls it.
   *
   * @throws MessageNotSentException when the provider did not take it; {@code isRetryable} says
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
    Optional<String> group = message.getRecipientPhone() != null ? Optional.empty() : clientGroups.groupOf(chat.getDeal().getId());
    if (group.isPresent()) { // the provider holds the deal's group: one message to the group
      message.markSent(messenger.send(OutgoingMessage.toGroup(chat.getDeal().getId(), group.get(), message.getBody(),
          REFERENCE + message.getId()).via(message.getProviderService(), message.getProviderChannel())).messageId());
      settled(message, true, null);
      return;
    }
    String phone = recipient(message);
    if (phone == null) {
      throw new MessageNotSentException("У клиента нет телефона: добавьте его контакту в карточке контрагента", null, false);
    }
    message.markSent(messenger.send(route(message, new OutgoingMessage(chat.getDeal().getId(), phone, message.getBody(),
        REFERENCE + message.getId()))).messageId());
    settled(message, true, null);
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

  /** A provider's delivery status of one of our messages (WA: statuses update messages). */
  public void updateStatus(String externalId, MessageStatus status, String reason) {
    messages.findByExternalId(externalId).ifPresent(m -> {
      MessageStatus before = m.getStatus();
      m.advanceStatus(status, reason);
      if (m.getStatus() != before) {
        news.statusChanged(m);
      }
    });
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
