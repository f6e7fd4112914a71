package ru.voronka.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.chat.ChatViews.AttachmentView;
import ru.voronka.chat.ChatViews.ChatPage;
import ru.voronka.chat.ChatViews.ChatSummary;
import ru.voronka.chat.ChatViews.DealChats;
import ru.voronka.chat.ChatViews.MessageView;
import ru.voronka.chat.ChatViews.NewClientMessages;
import ru.voronka.chat.ChatViews.Reader;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealLinks;
import ru.voronka.deals.DealNotFoundException;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.DealWork;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Contact;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
import ru.voronka.directory.Group;
import ru.voronka.directory.PhoneNumbers;
import ru.voronka.messaging.ClientGroups;
import ru.voronka.messaging.ClientMessenger;
import ru.voronka.messaging.ClientMessenger.MessageNotSentException;
import ru.voronka.messaging.ClientMessenger.OutgoingMessage;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.audit.Audit;
import ru.voronka.platform.live.LiveEvents;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;
import ru.voronka.sms.SmsPort;
import ru.voronka.sms.SmsReport;
import ru.voronka.sms.SmsTemplates;
import ru.voronka.telephony.ClickToCall;

/**
 * What people do in chats: open them, write, read, and — administrators only — delete. Every
 * stored message is pushed to the chat's audience as a {@code chat-message} live event.
 */
@Service
@Transactional
public class Chats {

  static final int PAGE = 30;
  /** A message's idempotency key with its provider (Wazzup's crmMessageId, the SMS gateway's reference). */
  static final String REFERENCE = "chat-message-";
  /** 15 SMS parts of 67 characters: a long letter, not an SMS. */
  static final int MAX_SMS = 1000;

  private final ChatRepository chats;
  private final ChatMessageRepository messages;
  private final ChatMemberRepository members;
  private final ReadMarkRepository marks;
  private final ChatAttachmentRepository attachments;
  private final ChatAccess access;
  private final Directory directory;
  private final DealRepository deals;
  private final DealWork dealProcesses;
  private final DealLinks links;
  private final ClientMessenger messenger;
  private final LiveEvents live;
  private final Audit audit;
  private final ApplicationEventPublisher events;
  private final ClickToCall telephony;
  private final ClientMessageOutbox outbox;
  private final SmsPort sms;
  private final SmsTemplates smsTemplates;
  private final ClientGroups clientGroups;

  private final Clock clock;

  Chats(ChatRepository chats, ChatMessageRepository messages, ChatMemberRepository members, ReadMarkRepository marks,
      ChatAttachmentRepository attachments, ChatAccess access, Directory directory, DealRepository deals, DealWork dealProcesses, DealLinks links,
      ClientMessenger messenger, LiveEvents live, Audit audit, ApplicationEventPublisher events, ClickToCall telephony, ClientMessageOutbox outbox, SmsPort sms,
      SmsTemplates smsTemplates, ClientGroups clientGroups, Clock clock) {
    this.clock = clock;
    this.clientGroups = clientGroups;
    this.sms = sms;
    this.smsTemplates = smsTemplates;
    this.telephony = telephony;
    this.outbox = outbox;
    this.chats = chats;
    this.messages = messages;
    this.members = members;
    this.marks = marks;
    this.attachments = attachments;
    this.access = access;
    this.directory = directory;
    this.deals = deals;
    this.dealProcesses = dealProcesses;
    this.links = links;
    this.messenger = messenger;
    this.live = live;
    this.audit = audit;
    this.events = events;
  }

  // ---- finding chats ----

  /**
   * The communicator's tree ({@code recentOnly}): the user's own chats with messages in the last
   * month. Otherwise («Выбрать чат», search) every chat the user may open, the leads of sales
   * seeing every deal's chats too.
   */
  @Transactional(readOnly = true)
  public Page<ChatSummary> myChats(Viewer viewer, String q, boolean recentOnly, Pageable pageable) {
    Employee me = directory.employee(viewer.userId()).orElse(null);
    String query = q == null || q.isBlank() ? null : q.trim();
    Instant since = recentOnly && query == null ? clock.instant().minus(31, ChronoUnit.DAYS) : null;
    Page<Chat> page = chats.visibleTo(me == null ? -1L : me.getId(),
        me == null || me.getPosition() == null ? null : me.getPosition().getId(),
        me == null || me.getDepartment() == null ? null : me.getDepartment().getId(),
        viewer.leadsSales() && !recentOnly, viewer.groups().contains(Group.ADMINS), since, query, pageable);
    Map<Long, Long> unread = unreadByChat(me, page.getContent().stream().map(Chat::getId).toList());
    return page.map(c -> summary(c, unread.getOrDefault(c.getId(), 0L), me));
  }

  /** The badge in the top bar: unread messages in the user's own chats (one query, however many). */
  @Transactional(readOnly = true)
  public long unreadTotal(Viewer viewer) {
    Employee me = directory.employee(viewer.userId()).orElse(null);
    if (me == null) {
      return 0;
    }
    return messages.unreadInOwnChats(me.getId(), me.getPosition() == null ? null : me.getPosition().getId(),
        me.getDepartment() == null ? null : me.getDepartment().getId());
  }

  /** The chat with a colleague (COM-1); made on first use if an admin action has not made it yet. */
  public Long personalChatWith(Viewer viewer, String otherUserId) {
    Employee me = requireEmployee(viewer);
    Employee other = directory.employee(otherUserId)
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Сотрудник «" + otherUserId + "» не найден"));
    if (me.getId().equals(other.getId())) {
      throw new DomainException(Kind.INVALID, "Личный чат — с другим сотрудником, не с собой");
    }
    return personalChat(me, other).getId();
  }

  /** A deal's client or internal chat, made on first use. */
  public Long dealChat(Long dealId, ChatKind kind, Viewer viewer) {
    if (kind != ChatKind.DEAL_CLIENT && kind != ChatKind.DEAL_INTERNAL) {
      throw new DomainException(Kind.INVALID, "У сделки есть только чаты «Клиент WhatsApp» и «ВС WhatsApp»");
    }
    Deal deal = deals.findById(dealId).orElseThrow(() -> new DealNotFoundException(dealId));
    Chat chat = dealChat(deal, kind);
    requireVisible(chat, viewer);
    return chat.getId();
  }

  // ---- reading ----

  /** A chat's latest messages (or those before {@code beforeId}: «Показать раньше»). */
  @Transactional(readOnly = true)
  public ChatPage open(Long chatId, Viewer viewer, Long beforeId) {
    Chat chat = requireVisible(chatId, viewer);
    Employee me = directory.employee(viewer.userId()).orElse(null);
    List<ChatMessage> newestFirst = messages.pageBefore(chatId, beforeId == null ? Long.MAX_VALUE : beforeId,
        PageRequest.of(0, PAGE + 1));
    boolean hasOlder = newestFirst.size() > PAGE;
    List<ChatMessage> shown = new ArrayList<>(newestFirst.subList(0, Math.min(PAGE, newestFirst.size())));
    java.util.Collections.reverse(shown);
    long readUpTo = readMark(chat, me);
    List<MessageView> views = views(shown, me, readUpTo);
    Deal deal = chat.getDeal();
    String phone = null;
    String taskUrl = null;
    if (deal != null) {
      phone = clientPhone(deal);
      taskUrl = dealProcesses.openTasks(deal.getId()).stream().findFirst().map(Task::getId).map(links::task).orElse(null);
    }
    return new ChatPage(summary(chat, 0, me), views, hasOlder, shown.isEmpty() ? 0 : shown.get(0).getId(),
        shown.isEmpty() ? 0 : shown.get(shown.size() - 1).getId(), chat.isClientChat(), chat.getKind().internal(), phone,
        taskUrl, deal == null ? null : deal.getId(), deal == null ? null : deal.getTitle(),
        chat.getCounterparty() == null ? null : chat.getCounterparty().getId(),
        viewer.groups().contains(Group.ADMINS), me != null, access.audience(chat).stream().map(Employee::getFullName).toList());
  }

  /** Messages after the newest one a page shows: what a live event tells it to fetch. */
  @Transactional(readOnly = true)
  public List<MessageView> newer(Long chatId, Viewer viewer, long afterId) {
    Chat chat = requireVisible(chatId, viewer);
    Employee me = directory.employee(viewer.userId()).orElse(null);
    long readUpTo = readMark(chat, me);
    return views(messages.after(chatId, afterId), me, readUpTo);
  }

  /** COM-3: clicked, or seen for a few seconds: everything up to that message is read. */
  public void markRead(Long chatId, Viewer viewer, long upToMessageId) {
    Chat chat = requireVisible(chatId, viewer);
    Employee me = requireEmployee(viewer);
    long last = messages.lastIdOf(chatId).orElse(0L);
    ReadMark mark = marks.find(chatId, me.getId()).orElseGet(() -> marks.save(new ReadMark(chat, me)));
    if (mark.advanceTo(Math.min(upToMessageId, last))) {
      live.publish(userIds(access.audience(chat)), "chat-read",
          Map.of("chatId", chatId, "reader", me.getUserId(), "upTo", mark.getLastReadMessageId()));
    }
  }

  /** «Статус сообщения»: everyone who sees the chat, ticked when they have read the message. */
  @Transactional(readOnly = true)
  public List<Reader> readers(Long messageId, Viewer viewer) {
    ChatMessage message = messages.findById(messageId)
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Сообщение №" + messageId + " не найдено"));
    Chat chat = requireVisible(message.getChat(), viewer);
    Map<Long, Long> readUpTo = new HashMap<>();
    marks.findByChat(chat.getId()).forEach(r -> readUpTo.put(r.getEmployee().getId(), r.getLastReadMessageId()));
    return access.audience(chat).stream()
        .filter(e -> message.getAuthorEmployee() == null || !e.getId().equals(message.getAuthorEmployee().getId()))
        .map(e -> new Reader(e.getFullName(), readUpTo.getOrDefault(e.getId(), 0L) >= messageId))
        .toList();
  }

  @Transactional(readOnly = true)
  public List<String> audience(Long chatId, Viewer viewer) {
    return access.audience(requireVisible(chatId, viewer)).stream().map(Employee::getFullName).toList();
  }

  /** A file of a message, for whoever may see its chat. */
  @Transactional(readOnly = true)
  public ChatAttachment attachment(Long attachmentId, Viewer viewer) {
    ChatAttachment file = attachments.findById(attachmentId)
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Файл №" + attachmentId + " не найден"));
    requireVisible(file.getMessage().getChat(), viewer);
    if (file.getMessage().isDeleted()) {
      throw new DomainException(Kind.NOT_FOUND, "Файл №" + attachmentId + " удалён вместе с сообщением");
    }
    return file;
  }

  // ---- writing ----

  /** An employee writes: internally, or to the client through the messaging port (COM-2). */
  public MessageView post(Long chatId, Viewer viewer, String text, List<Upload> files) {
    Chat chat = requireVisible(chatId, viewer);
    Employee me = requireEmployee(viewer);
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
    stored(chat, message);
    ReadMark mark = marks.find(chatId, me.getId()).orElseGet(() -> marks.save(new ReadMark(chat, me)));
    mark.advanceTo(message.getId());
    return views(List.of(message), me, message.getId()).get(0);
  }

  /** A client's message arrives in the chat of their deal (the WhatsApp/SMS hub calls this). */
  public ChatMessage receiveFromClient(Long dealId, String from, Channel channel, String text, List<Upload> files,
      String externalId) {
    Deal deal = deals.findById(dealId).orElseThrow(() -> new DealNotFoundException(dealId));
    Chat chat = dealChat(deal, ChatKind.DEAL_CLIENT);
    ChatMessage message = new ChatMessage(chat, Direction.INCOMING, channel, null, from, text, MessageStatus.RECEIVED);
    message.identify(externalId);
    (files == null ? List.<Upload>of() : files).forEach(u -> message.attach(u.fileName(), u.contentType(), u.content()));
    messages.save(message);
    stored(chat, message);
    events.publishEvent(new ClientMessageReceived(chat.getId(), message.getId(), dealId, deal.getTitle(),
        deal.getResponsibleUserId(), from, preview(message), message.getCreatedAt()));
    return message;
  }

  /** A file of a client's message, fetched after the message was stored (WhatsApp's media job); the chat re-reads it. */
  public void attachReceived(Long messageId, Upload file) {
    messages.findById(messageId).ifPresent(m -> {
      m.attach(file.fileName(), file.contentType(), file.content());
      statusChanged(m);
    });
  }

  /** The text of a client's message once its files are in (the media job's placeholder replaced); the chat re-reads it. */
  public void rewriteReceived(Long messageId, UnaryOperator<String> body) {
    messages.findById(messageId).ifPresent(m -> {
      m.rewrite(body.apply(m.getBody()));
      statusChanged(m);
    });
  }

  /** A call with the client, shown in their chat; a missed one reads «Пропущенный звонок» (COM-3). */
  public ChatMessage recordCall(Long dealId, Direction direction, boolean missed, String number) {
    return recordCall(dealId, direction, missed, number, null);
  }

  /** {@link #recordCall(Long, Direction, boolean, String)} with the provider's id of the call, stored once. */
  public ChatMessage recordCall(Long dealId, Direction direction, boolean missed, String number, String externalId) {
    if (externalId != null) {
      var noted = messages.findByExternalId(externalId);
      if (noted.isPresent()) {
        return noted.get(); // told twice (an event delivered again): noted once
      }
    }
    Deal deal = deals.findById(dealId).orElseThrow(() -> new DealNotFoundException(dealId));
    Chat chat = dealChat(deal, ChatKind.DEAL_CLIENT);
    String shown = PhoneNumbers.display(number);
    String text = missed ? "Пропущенный звонок с номера " + shown
        : (direction == Direction.INCOMING ? "Входящий звонок с номера " : "Звонок на номер ") + shown;
    ChatMessage message = new ChatMessage(chat, direction, Channel.PHONE, null,
        direction == Direction.INCOMING ? number : "Звонок", text,
        direction == Direction.INCOMING ? MessageStatus.RECEIVED : MessageStatus.SENT);
    message.identify(externalId);
    messages.save(message);
    stored(chat, message);
    return message;
  }

  /** The deal's values for an SMS template's placeholders; the client by their main contact's name. */
  private static SmsTemplates.Filling smsFilling(Deal deal) {
    String client = deal.getCounterparty() == null ? "" : deal.getCounterparty().mainContact().map(Contact::getFullName)
        .orElse(deal.getCounterparty().getName());
    return new SmsTemplates.Filling(client, deal.getId(), deal.getTitle(),
        deal.getResponsible() == null ? null : deal.getResponsible().getFullName());
  }

  /** A provider's delivery status of one of our messages (WA: statuses update messages). */
  public void updateStatus(String externalId, MessageStatus status, String reason) {
    messages.findByExternalId(externalId).ifPresent(m -> {
      MessageStatus before = m.getStatus();
      m.advanceStatus(status, reason);
      if (m.getStatus() != before) {
        statusChanged(m);
      }
    });
  }

  /**
   * TEL-10: an SMS to the client from their chat — an individual text or a template filled in from
   * the deal. Stored first and sent by the outbox like every message to a client (retried while the
   * gateway is down or busy, at most once: its reference is the message), then moved on by the
   * gateway's late reply and receipts.
   */
  public MessageView sendSms(Long chatId, Viewer viewer, Long templateId, String text) {
    Chat chat = requireVisible(chatId, viewer);
    Employee me = requireEmployee(viewer);
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
    if (clientPhone(chat.getDeal()) == null) {
      throw new DomainException(Kind.INVALID, "У клиента нет телефона: добавьте его контакту в карточке контрагента");
    }
    ChatMessage message = new ChatMessage(chat, Direction.OUTGOING, Channel.SMS, me, me.getFullName(), body, MessageStatus.QUEUED);
    messages.save(message);
    outbox.enqueue(chat.getDeal().getId(), message.getId());
    stored(chat, message);
    return views(List.of(message), me, message.getId()).get(0);
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
      messages.findById(id).ifPresent(this::statusChanged);
    }
  }

  private static Long messageOf(String reference) {
    return reference != null && reference.matches(REFERENCE + "\\d+") ? Long.valueOf(reference.substring(REFERENCE.length())) : null;
  }

  /** «Позвонить» (COM-2): the employee's phone rings, then the client's; the chat shows the call. */
  public void callClient(Long chatId, Viewer viewer) {
    Chat chat = requireVisible(chatId, viewer);
    Employee me = requireEmployee(viewer);
    String phone = chat.isClientChat() ? clientPhone(chat.getDeal()) : null;
    if (phone == null) {
      throw new DomainException(Kind.INVALID, "Позвонить можно из чата клиента, у которого указан телефон");
    }
    telephony.dial(me.getUserId(), phone);
    ChatMessage call = new ChatMessage(chat, Direction.OUTGOING, Channel.PHONE, me, me.getFullName(),
        "Звонок на номер " + phone, MessageStatus.SENT);
    messages.save(call);
    stored(chat, call);
  }

  /** WA-8: only an administrator deletes, the message is hidden (not erased) and the deletion audited. */
  public void delete(Long messageId, Viewer viewer) {
    if (!viewer.groups().contains(Group.ADMINS)) {
      throw new DomainException(Kind.FORBIDDEN, "Удалять переписку может только администратор");
    }
    ChatMessage message = messages.findById(messageId)
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Сообщение №" + messageId + " не найдено"));
    if (message.isDeleted()) {
      throw new DomainException(Kind.CONFLICT, "Сообщение №" + messageId + " уже удалено");
    }
    message.delete(viewer.userId(), clock.instant());
    Chat chat = message.getChat();
    audit.record(viewer.userId(), "CHAT_MESSAGE_DELETED", "chat_message", messageId,
        "Чат «" + chat.getTitle() + "» (№" + chat.getId() + "), автор: " + message.getAuthorName() + ", отправлено "
            + RussianFormats.dateTime(message.getCreatedAt()) + ", текст: " + message.getBody());
    live.publish(userIds(access.audience(chat)), "chat-message-deleted", Map.of("chatId", chat.getId(), "messageId", messageId));
  }

  // ---- the members of a deal's chats (WA-3) ----

  public record Member(String userId, String fullName) {}

  /** The people added to a deal's chat by hand (its responsible and the leads see it anyway). */
  @Transactional(readOnly = true)
  public List<Member> members(Long chatId, Viewer viewer) {
    requireVisible(chatId, viewer);
    return members.findByChat(chatId).stream().map(ChatMember::getEmployee)
        .map(e -> new Member(e.getUserId(), e.getFullName())).toList();
  }

  /** WA-3: the deal's responsible (or a lead of sales) adds a colleague to the deal's client or internal chat. */
  public void addMember(Long chatId, String userId, Viewer viewer) {
    Chat chat = requireManageableDealChat(chatId, viewer);
    Employee employee = directory.employee(userId)
        .orElseThrow(() -> new DomainException(Kind.INVALID, "Сотрудник «" + userId + "» не найден"));
    if (!members.isMember(chatId, employee.getId())) {
      members.save(new ChatMember(chat, employee));
      audit.record(viewer.userId(), "CHAT_MEMBER_ADDED", "chat", chatId, employee.getFullName());
    }
  }

  public void removeMember(Long chatId, String userId, Viewer viewer) {
    requireManageableDealChat(chatId, viewer);
    members.findByChat(chatId).stream().filter(m -> m.getEmployee().getUserId().equals(userId)).findFirst().ifPresent(m -> {
      members.delete(m);
      audit.record(viewer.userId(), "CHAT_MEMBER_REMOVED", "chat", chatId, m.getEmployee().getFullName());
    });
  }

  /** Whether the viewer may change who is in a deal's chats: its responsible or a lead of sales. */
  @Transactional(readOnly = true)
  public boolean mayManageMembers(Long chatId, Viewer viewer) {
    Chat chat = requireVisible(chatId, viewer);
    return chat.getDeal() != null && (viewer.leadsSales() || viewer.userId().equals(chat.getDeal().getResponsibleUserId()));
  }

  private Chat requireManageableDealChat(Long chatId, Viewer viewer) {
    Chat chat = requireVisible(chatId, viewer);
    if (chat.getDeal() == null) {
      throw new DomainException(Kind.INVALID, "Участников задают в чатах сделок; личные и групповые чаты настраивает администратор");
    }
    if (!viewer.leadsSales() && !viewer.userId().equals(chat.getDeal().getResponsibleUserId())) {
      throw new DomainException(Kind.FORBIDDEN, "Участников чатов сделки меняет её ответственный или РОП");
    }
    return chat;
  }

  // ---- the counterparty card and the lists of new messages ----

  /** WA-7: the counterparty's deals, each with the chats the viewer may open. */
  @Transactional(readOnly = true)
  public List<DealChats> chatsOfCounterparty(Long counterpartyId, Viewer viewer) {
    Employee me = directory.employee(viewer.userId()).orElse(null);
    Map<Long, DealChats> byDeal = new LinkedHashMap<>();
    for (Deal deal : deals.findByCounterparty(counterpartyId)) {
      List<ChatSummary> visible = new ArrayList<>();
      for (ChatKind kind : List.of(ChatKind.DEAL_CLIENT, ChatKind.DEAL_INTERNAL)) {
        chats.findByDeal(deal.getId(), kind).filter(c -> access.maySee(c, me, viewer)).ifPresent(c ->
            visible.add(summary(c, unreadByChat(me, List.of(c.getId())).getOrDefault(c.getId(), 0L), me)));
      }
      if (!visible.isEmpty()) {
        byDeal.put(deal.getId(), new DealChats(deal.getId(), deal.getTitle(), deal.getStage().title(),
            deal.getResponsible() == null ? "не назначен" : deal.getResponsible().getFullName(), visible));
      }
    }
    return new ArrayList<>(byDeal.values());
  }

  /** COM-2's event feed: the client's messages, calls and mail of every deal in one timeline. */
  @Transactional(readOnly = true)
  public List<MessageView> feed(Long counterpartyId, Viewer viewer, int limit) {
    Employee me = directory.employee(viewer.userId()).orElse(null);
    return views(messages.feedOf(counterpartyId, PageRequest.of(0, Math.min(Math.max(limit, 1), 200))).stream()
        .filter(m -> access.maySee(m.getChat(), me, viewer)).toList(), me, Long.MAX_VALUE);
  }

  /** WA-5: client chats with messages their responsible has not read; a manager sees their own. */
  @Transactional(readOnly = true)
  public Page<NewClientMessages> newClientMessages(Viewer viewer, Pageable pageable) {
    Employee me = directory.employee(viewer.userId()).orElse(null);
    return messages.newClientMessages(me == null ? -1L : me.getId(), viewer.leadsSales(), pageable)
        .map(row -> new NewClientMessages((Long) row[0], (Long) row[1], (String) row[2],
            row[3] == null ? "не назначен" : (String) row[3], (Long) row[4], RussianFormats.dateTime((Instant) row[5])));
  }

  /** The deal list's mark (WA-5). */
  @Transactional(readOnly = true)
  public Set<Long> dealsWithNewClientMessages(Collection<Long> dealIds) {
    return dealIds.isEmpty() ? Set.of() : new HashSet<>(messages.dealsWithNewClientMessages(dealIds));
  }

  // ---- making chats ----

  Chat personalChat(Employee a, Employee b) {
    return chats.findByPairKey(Chat.pairKey(a, b)).orElseGet(() -> {
      Chat chat = chats.save(Chat.personal(a, b));
      members.save(new ChatMember(chat, a));
      members.save(new ChatMember(chat, b));
      return chat;
    });
  }

  Chat dealChat(Deal deal, ChatKind kind) {
    return chats.findByDeal(deal.getId(), kind).orElseGet(() -> chats.save(Chat.ofDeal(deal, kind)));
  }

  // ---- helpers ----

  /**
   * Sends a queued message to the client through the messaging port — the outbox's job calls it.
   *
   * @throws MessageNotSentException when the provider did not take it; {@code isRetryable} says
   *     whether another attempt may help
   */
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
    Optional<String> group = clientGroups.groupOf(chat.getDeal().getId());
    if (group.isPresent()) { // the provider holds the deal's group: one message to the group
      message.markSent(messenger.send(OutgoingMessage.toGroup(chat.getDeal().getId(), group.get(), message.getBody(),
          REFERENCE + message.getId())).messageId());
      statusChanged(message);
      return;
    }
    String phone = clientPhone(chat.getDeal());
    if (phone == null) {
      throw new MessageNotSentException("У клиента нет телефона: добавьте его контакту в карточке контрагента", null, false);
    }
    message.markSent(messenger.send(new OutgoingMessage(chat.getDeal().getId(), phone, message.getBody(),
        REFERENCE + message.getId())).messageId());
    statusChanged(message);
  }

  /**
   * The SMS through the SMS port, its reference the message: a retry after a timeout does not send it
   * twice. Its receipt may have moved it on already (in a transaction of its own): only a queued or
   * failed SMS becomes «Отправлено».
   */
  private void deliverSms(ChatMessage message) {
    String phone = clientPhone(message.getChat().getDeal());
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
      messages.findById(id).ifPresent(this::statusChanged);
    }
  }

  /** The outbox gave up on a message, or its provider refused it: «Ошибка» with the reason. */
  public void markFailed(Long messageId, String reason) {
    messages.findById(messageId).filter(message -> !message.isOnItsWay()).ifPresent(message -> { // a late receipt may have come
      message.markFailed(reason == null || reason.isBlank() ? "Не отправлено" : reason);
      statusChanged(message);
    });
  }

  private void statusChanged(ChatMessage m) {
    live.publish(userIds(access.audience(m.getChat())), "chat-status",
        Map.of("chatId", m.getChat().getId(), "messageId", m.getId(), "status", m.getStatus().title()));
  }

  private void stored(Chat chat, ChatMessage message) {
    chat.touch(message.getCreatedAt());
    List<String> participants = userIds(access.participants(chat));
    List<String> onlookers = new ArrayList<>();
    if (chat.getKind() == ChatKind.DEAL_CLIENT || chat.getKind() == ChatKind.DEAL_INTERNAL) {
      access.leads().stream().map(Employee::getUserId).filter(id -> !participants.contains(id)).forEach(onlookers::add);
    }
    Map<String, Object> event = new HashMap<>(Map.of("chatId", chat.getId(), "messageId", message.getId(),
        "chatTitle", chat.getTitle(), "author", message.getAuthorName(), "text", preview(message),
        "incoming", message.getDirection() == Direction.INCOMING,
        "authorUserId", message.getAuthorEmployee() == null ? "" : message.getAuthorEmployee().getUserId()));
    event.put("notify", true);
    live.publish(participants, "chat-message", Map.copyOf(event));
    event.put("notify", false);
    live.publish(onlookers, "chat-message", Map.copyOf(event));
  }

  private static String preview(ChatMessage message) {
    String body = message.getBody() == null || message.getBody().isBlank()
        ? "Файлы: " + message.getAttachments().size() : message.getBody();
    return body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }

  private static List<String> userIds(List<Employee> employees) {
    return employees.stream().map(Employee::getUserId).toList();
  }

  private String clientPhone(Deal deal) {
    if (deal == null || deal.getCounterparty() == null) {
      return null;
    }
    return deal.getCounterparty().mainContact().map(Contact::getPhones).filter(p -> !p.isEmpty()).map(p -> p.get(0))
        .or(() -> deal.getCounterparty().getContacts().stream().flatMap(c -> c.getPhones().stream()).findFirst())
        .orElse(null);
  }

  private Map<Long, Long> unreadByChat(Employee me, List<Long> chatIds) {
    Map<Long, Long> unread = new HashMap<>();
    if (me == null || chatIds.isEmpty()) {
      return unread;
    }
    for (Object[] row : messages.unreadByChat(me.getId(), chatIds)) {
      unread.put((Long) row[0], (Long) row[1]);
    }
    return unread;
  }

  private long readMark(Chat chat, Employee me) {
    return me == null ? Long.MAX_VALUE : marks.find(chat.getId(), me.getId()).map(ReadMark::getLastReadMessageId).orElse(0L);
  }

  private ChatSummary summary(Chat chat, long unread, Employee me) {
    String title = chat.getTitle();
    if (chat.getKind() == ChatKind.PERSONAL && me != null) {
      // A personal chat is named after the other person.
      title = members.findByChat(chat.getId()).stream().map(ChatMember::getEmployee)
          .filter(e -> !e.getId().equals(me.getId())).map(Employee::getFullName).findFirst().orElse(title);
    }
    // An avatar's letters, as chat lists show them: the colleague's or group's initials, WA for the client's chat.
    String icon = switch (chat.getKind()) {
      case PERSONAL, GROUP -> initials(title);
      case DEAL_CLIENT -> "WA";
      case DEAL_INTERNAL -> "ВС";
    };
    return new ChatSummary(chat.getId(), chat.getKind(), chat.getKind().title(), title, icon,
        chat.getDeal() == null ? null : chat.getDeal().getId(), unread,
        chat.getLastMessageAt() == null ? "" : RussianFormats.dateTime(chat.getLastMessageAt()));
  }

  /** «Смирнова Елена» → «СЕ», «Отдел продаж» → «ОП», «Склад» → «С». */
  static String initials(String title) {
    StringBuilder letters = new StringBuilder();
    for (String word : title.strip().split("[\\s«»\"-]+")) {
      if (!word.isEmpty() && letters.length() < 2) {
        letters.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
      }
    }
    return letters.isEmpty() ? "?" : letters.toString();
  }

  /** Attachments are listed by a projection: their content is read only when downloaded. */
  private List<MessageView> views(List<ChatMessage> shown, Employee me, long readUpTo) {
    Map<Long, List<AttachmentView>> files = new HashMap<>();
    if (!shown.isEmpty()) {
      for (Object[] row : attachments.describe(shown.stream().map(ChatMessage::getId).toList())) {
        files.computeIfAbsent((Long) row[1], id -> new ArrayList<>())
            .add(new AttachmentView((Long) row[0], (String) row[2], size((Long) row[3])));
      }
    }
    return shown.stream().map(m -> view(m, me, readUpTo, files.getOrDefault(m.getId(), List.of()))).toList();
  }

  private MessageView view(ChatMessage m, Employee me, long readUpTo, List<AttachmentView> attached) {
    boolean mine = me != null && m.getAuthorEmployee() != null && m.getAuthorEmployee().getId().equals(me.getId());
    boolean unread = !mine && m.getDirection() != Direction.OUTGOING && m.getId() > readUpTo;
    List<AttachmentView> files = m.isDeleted() ? List.of() : attached;
    // Ours: in a client chat whatever the company sent; between employees only what the viewer wrote.
    boolean ours = m.getDirection() == Direction.OUTGOING || (m.getDirection() == Direction.INTERNAL && mine);
    return new MessageView(m.getId(), m.getChat().getId(), ours, m.getAuthorName(), m.getChannel().icon(),
        m.getChannel().title(), m.isDeleted() ? null : m.getBody(), m.getStatus().title(),
        m.getStatus() == MessageStatus.FAILED, m.getStatusReason(), RussianFormats.dateTime(m.getCreatedAt()), unread,
        m.isDeleted(), files, m.getChat().getTitle(), m.getChat().getDeal() == null ? null : m.getChat().getDeal().getId());
  }

  private static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " Б";
    }
    return bytes < 1024 * 1024 ? (bytes / 1024) + " КБ" : String.format("%.1f МБ", bytes / 1048576.0).replace('.', ',');
  }

  private Chat requireVisible(Long chatId, Viewer viewer) {
    return requireVisible(chats.findById(chatId).orElseThrow(() -> chatNotFound(chatId)), viewer);
  }

  private Chat requireVisible(Chat chat, Viewer viewer) {
    Employee me = directory.employee(viewer.userId()).orElse(null);
    if (!access.maySee(chat, me, viewer)) {
      // Not «forbidden»: nobody should learn that a chat routed to someone else exists.
      throw chatNotFound(chat.getId());
    }
    return chat;
  }

  private static DomainException chatNotFound(Long chatId) {
    return new DomainException(Kind.NOT_FOUND, "Чат №" + chatId + " не найден");
  }

  private Employee requireEmployee(Viewer viewer) {
    return directory.employee(viewer.userId()).orElseThrow(() ->
        new DomainException(Kind.FORBIDDEN, "Писать в чаты могут сотрудники; у пользователя «" + viewer.userId()
            + "» нет карточки сотрудника"));
  }
}
