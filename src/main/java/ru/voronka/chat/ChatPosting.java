package ru.voronka.chat;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.chat.ChatViews.MessageView;
import ru.voronka.deals.Deal;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Contact;
import ru.voronka.directory.PersonNames;
import ru.voronka.directory.Employee;
import ru.voronka.messaging.ClientMessenger;
import ru.voronka.messaging.ClientMessenger.MessageTemplate;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;
import ru.voronka.sms.SmsTemplates;
import ru.voronka.telephony.ClickToCall;

/** Employees write (COM-2): internal messages, messages and SMS to the client (through the outbox), calls from the chat. */
@Service
@Transactional
public class ChatPosting {

  /** 15 SMS parts of 67 characters: a long letter, not an SMS. */
  static final int MAX_SMS = 1000;

  private final ChatMessageRepository messages;
  private final ReadMarkRepository marks;
  private final ChatGuard guard;
  private final ChatPresenter presenter;
  private final ChatNews news;
  private final ClientMessageOutbox outbox;
  private final ClickToCall telephony;
  private final SmsTemplates smsTemplates;
  private final ClientMessenger messenger;

  ChatPosting(ChatMessageRepository messages, ReadMarkRepository marks, ChatGuard guard, ChatPresenter presenter,
      ChatNews news, ClientMessageOutbox outbox, ClickToCall telephony, SmsTemplates smsTemplates, ClientMessenger messenger) {
    this.messenger = messenger;
    this.messages = messages;
    this.marks = marks;
    this.guard = guard;
    this.presenter = presenter;
    this.news = news;
    this.outbox = outbox;
    this.telephony = telephony;
    this.smsTemplates = smsTemplates;
  }

  /** An employee writes: internally, or to the client through the messaging port (COM-2). */
  public MessageView post(Long chatId, Viewer viewer, String text, List<Upload> files) {
    Chat chat = guard.requireVisible(chatId, viewer);
    Employee me = guard.requireEmployee(viewer);
    String body = text == null ? "" : text.strip();
    List<Upload> uploads = files == null ? List.of() : files.stream().filter(f -> f.content().length > 0).toList();
    if (body.isEmpty() && uploads.isEmpty()) {
      throw new DomainException(Kind.INVALID, "Напишите сообщение или приложите файл");
    }
    if (body.length() > 10_000) {
      throw new DomainException(Kind.INVALID, "Сообщение длиннее 10 000 знаков: разделите его на несколько");
    }
    for (Upload upload : uploads) {
      if (upload.content().length > Upload.MAX_BYTES) {
        throw new DomainException(Kind.INVALID, "Файл «" + upload.fileName() + "» больше 10 МБ");
      }
    }
    ChatMessage message;
    if (chat.isClientChat()) {
      message = new ChatMessage(chat, Direction.OUTGOING, Channel.WHATSAPP, me, me.getFullName(), body, MessageStatus.QUEUED);
    } else {
      message = new ChatMessage(chat, Direction.INTERNAL, Channel.INTERNAL, me, me.getFullName(), body, MessageStatus.SENT);
    }
    uploads.forEach(u -> message.attach(u.fileName(), u.contentType(), u.content()));
    messages.save(message);
    if (chat.isClientChat()) {
      outbox.enqueue(chat.getDeal().getId(), message.getId()); // stored first, sent by a job: nothing is lost
    }
    news.stored(chat, message);
    ReadMark mark = marks.find(chatId, me.getId()).orElseGet(() -> marks.save(new ReadMark(chat, me)));
    mark.advanceTo(message.getId());
    return presenter.views(List.of(message), me, message.getId()).get(0);
  }

  /** The provider's approved WhatsApp templates (Cloud API); none where it has none. */
  @Transactional(readOnly = true)
  public List<MessageTemplate> whatsappTemplates() {
    return messenger.templates();
  }

  /**
   * Issue 17, item 4: outside the 24-hour window the Cloud API takes only an approved template. The
   * manager picks one ({@code name|language}) and fills its parameters; the chat shows the rendered text,
   * and the outbox sends it as the template with these values.
   */
  public MessageView postTemplate(Long chatId, Viewer viewer, String template, List<String> parameters) {
    Chat chat = guard.requireVisible(chatId, viewer);
    Employee me = guard.requireEmployee(viewer);
    if (!chat.isClientChat()) {
      throw new DomainException(Kind.INVALID, "Шаблон WhatsApp отправляют из чата клиента");
    }
    MessageTemplate picked = messenger.templates().stream()
        .filter(t -> (t.name() + "|" + t.language()).equals(template)).findFirst()
        .orElseThrow(() -> new DomainException(Kind.INVALID, "Выберите одобренный шаблон WhatsApp из списка"));
    List<String> values = parameters == null ? List.of() : parameters.stream().map(v -> v == null ? "" : v.strip()).toList();
    if (values.size() != picked.parameters() || values.stream().anyMatch(String::isEmpty)) {
      throw new DomainException(Kind.INVALID, "Заполните все параметры шаблона «" + picked.name() + "»: их "
          + picked.parameters());
    }
    if (values.stream().anyMatch(v -> v.contains("\n") || v.contains("\t") || v.contains("    "))) {
      // WhatsApp refuses a parameter with a line break, a tab or more than four spaces in a row
      throw new DomainException(Kind.INVALID, "Параметр шаблона — одна строка, без переносов и табуляции");
    }
    ChatMessage message = new ChatMessage(chat, Direction.OUTGOING, Channel.WHATSAPP, me, me.getFullName(),
        picked.render(values), MessageStatus.QUEUED);
    message.sendAsTemplate(picked.name(), picked.language(), values);
    messages.save(message);
    outbox.enqueue(chat.getDeal().getId(), message.getId());
    news.stored(chat, message);
    return presenter.views(List.of(message), me, message.getId()).get(0);
  }

  /**
   * TEL-10: an SMS to the client from their chat — an individual text or a template filled in from
   * the deal. Stored first and sent by the outbox like every message to a client (retried while the
   * gateway is down or busy, at most once: its reference is the message), then moved on by the
   * gateway's late reply and receipts.
   */
  public MessageView sendSms(Long chatId, Viewer viewer, Long templateId, String text) {
    Chat chat = guard.requireVisible(chatId, viewer);
    Employee me = guard.requireEmployee(viewer);
    if (!chat.isClientChat()) {
      throw new DomainException(Kind.INVALID, "SMS отправляют из чата клиента");
    }
    String body = templateId != null ? smsTemplates.render(templateId, smsFilling(chat.getDeal())) : text == null ? "" : text.strip();
    if (body.isEmpty()) {
      throw new DomainException(Kind.INVALID, "Выберите шаблон или напишите текст SMS");
    }
    if (body.length() > MAX_SMS) {
      throw new DomainException(Kind.INVALID, "SMS длиннее " + MAX_SMS + " знаков: сократите текст");
    }
    if (ChatGuard.clientPhone(chat.getDeal()) == null) {
      throw new DomainException(Kind.INVALID, "У клиента нет телефона: добавьте его контакту в карточке контрагента");
    }
    ChatMessage message = new ChatMessage(chat, Direction.OUTGOING, Channel.SMS, me, me.getFullName(), body, MessageStatus.QUEUED);
    messages.save(message);
    outbox.enqueue(chat.getDeal().getId(), message.getId());
    news.stored(chat, message);
    return presenter.views(List.of(message), me, message.getId()).get(0);
  }

  /** The deal's values for an SMS template's placeholders; the client by their main contact's first name (and patronymic). */
  private static SmsTemplates.Filling smsFilling(Deal deal) {
    // «Здравствуйте, Андрей!» or «…, Андрей Петрович!» — not the card's «Соколов Андрей»
    String client = deal.getCounterparty() == null ? "" : deal.getCounterparty().mainContact()
        .filter(c -> !c.getFullName().equalsIgnoreCase(deal.getCounterparty().getName()))
        .map(c -> PersonNames.addressOf(c.getFullName())).orElse(deal.getCounterparty().getName());
    return new SmsTemplates.Filling(client, deal.getId(), deal.getTitle(),
        deal.getResponsible() == null ? null : deal.getResponsible().getFullName());
  }

  /** «Позвонить» (COM-2): the employee's phone rings, then the client's; the chat shows the call when it ends. */
  public void callClient(Long chatId, Viewer viewer) {
    Chat chat = guard.requireVisible(chatId, viewer);
    Employee me = guard.requireEmployee(viewer);
    String phone = chat.isClientChat() ? ChatGuard.clientPhone(chat.getDeal()) : null;
    if (phone == null) {
      throw new DomainException(Kind.INVALID, "Позвонить можно из чата клиента, у которого указан телефон");
    }
    // The chat notes the call once, when it ends (CallNotes, by the call's key), as for every call.
    telephony.dial(me.getUserId(), phone);
  }
}
