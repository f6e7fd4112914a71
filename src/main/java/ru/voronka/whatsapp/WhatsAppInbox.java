package ru.voronka.whatsapp;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.chat.Channel;
import ru.voronka.chat.ChatMessage;
import ru.voronka.chat.ChatReceiving;
import ru.voronka.chat.ClientDelivery;
import ru.voronka.chat.ClientOutbox;
import ru.voronka.chat.Direction;
import ru.voronka.chat.MessageStatus;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealRepository;
import ru.voronka.directory.Counterparty;
import ru.voronka.directory.Directory;
import ru.voronka.directory.PhoneNumbers;
import ru.voronka.messaging.ClientMessenger;
import ru.voronka.messaging.ClientMessenger.MessageNotSentException;
import ru.voronka.messaging.ClientMessenger.OutgoingMessage;

/**
 * Where every provider's incoming messages go (WA-1, WA-2, WA-4). A message is stored once, however
 * often the provider delivers it. A client's message — the sender's number is any number of any
 * contact of the counterparty, in any spelling — lands in the chat of their open deal, where its
 * responsible sees it. A counterparty whose deals are all closed has the message kept in the last
 * deal's chat and gets the closed-deal notice; a stranger gets the automatic reply; either at most
 * once per number per day.
 */
@Service
@Transactional
public class WhatsAppInbox {

  public enum Outcome { ROUTED, CLOSED_DEAL, STRANGER, DUPLICATE, JOIN_ACCEPTED, JOIN_REQUESTED, JOIN_REFUSED }

  private static final Logger log = LoggerFactory.getLogger(WhatsAppInbox.class);

  private final Directory directory;
  private final DealRepository deals;
  private final ChatReceiving receiving;
  private final ClientDelivery delivery;
  private final ClientMessenger messenger;
  private final WhatsAppSettings settings;
  private final JdbcTemplate jdbc;
  private final GroupJoinLinks joinLinks;
  private final GroupAdmissions admissions;
  private final MediaDownloads media;
  private final DealGroups dealGroups;
  private final WhatsAppUsers users;

  private final Clock clock;
  private final ClientOutbox outbox;

  WhatsAppInbox(Directory directory, DealRepository deals, ChatReceiving receiving, ClientDelivery delivery, ClientMessenger messenger, WhatsAppSettings settings,
      JdbcTemplate jdbc, GroupJoinLinks joinLinks, GroupAdmissions admissions, MediaDownloads media,
      DealGroups dealGroups, WhatsAppUsers users, Clock clock, ClientOutbox outbox) {
    this.outbox = outbox;
    this.clock = clock;
    this.dealGroups = dealGroups;
    this.media = media;
    this.users = users;
    this.joinLinks = joinLinks;
    this.admissions = admissions;
    this.directory = directory;
    this.deals = deals;
    this.receiving = receiving;
    this.delivery = delivery;
    this.messenger = messenger;
    this.settings = settings;
    this.jdbc = jdbc;
  }

  /**
   * A client's message, stored once. A sender known only by their business-scoped id is the client
   * whose number that id was learned on ({@link WhatsAppUsers}); unknown, they are a stranger.
   */
  public Outcome receive(InboundMessage delivered) {
    if (alreadyStored(delivered.externalId())) {
      return Outcome.DUPLICATE;
    }
    InboundMessage message = users.identified(delivered);
    String phone = PhoneNumbers.normalize(message.phone());
    Optional<Deal> ofGroup = Optional.ofNullable(message.groupId()).flatMap(dealGroups::byGroupId)
        .flatMap(group -> deals.findById(group.dealId()));
    if (ofGroup.isPresent()) { // written in the deal's group at the provider: its chat, whoever wrote
      store(ofGroup.get(), message);
      if (ofGroup.get().isOpen()) {
        return Outcome.ROUTED;
      }
      replyOncePerDay(phone, ofGroup.get().getId(), "closed", settings.text(WhatsAppSettings.CLOSED_DEAL_NOTICE));
      return Outcome.CLOSED_DEAL;
    }
    Optional<GroupJoinLinks.JoinCode> join = joinLinks.find(message.text());
    if (join.isPresent()) {
      return join(join.get(), message, phone);
    }
    List<Counterparty> clients = directory.counterpartiesByPhone(message.phone());
    List<Deal> theirDeals = clients.stream().flatMap(c -> deals.findByCounterparty(c.getId()).stream()).toList();
    Optional<Deal> open = theirDeals.stream().filter(Deal::isOpen).max(Comparator.comparing(Deal::getUpdatedAt));
    if (open.isPresent()) {
      store(open.get(), message);
      return Outcome.ROUTED;
    }
    Optional<Deal> last = theirDeals.stream().max(Comparator.comparing(Deal::getUpdatedAt));
    if (last.isPresent()) {
      store(last.get(), message); // WA-4: the closed deal's chat keeps it
      replyOncePerDay(phone, last.get().getId(), "closed", settings.text(WhatsAppSettings.CLOSED_DEAL_NOTICE));
      return Outcome.CLOSED_DEAL;
    }
    keepAsStranger(message, phone);
    return Outcome.STRANGER;
  }

  /**
   * WA-10: a QR code's join message. A code that is not the deal's own, or a number that is none of
   * the counterparty's, is refused with the automatic reply; a number admitted before is accepted
   * at once; any other of the counterparty's numbers asks the responsible in a Camunda task.
   */
  private Outcome join(GroupJoinLinks.JoinCode join, InboundMessage message, String phone) {
    Optional<Deal> deal = joinLinks.valid(join) ? deals.findById(join.dealId()) : Optional.empty();
    boolean theirs = phone != null && deal.isPresent() && deal.get().getCounterparty() != null
        && deal.get().getCounterparty().hasNumber(phone);
    if (!theirs) {
      keepAsStranger(message, phone);
      return Outcome.JOIN_REFUSED;
    }
    store(deal.get(), message);
    if (admissions.isAdmitted(join.dealId(), phone)) {
      reply(phone, join.dealId(), message.externalId(), "Вы в группе сделки №" + join.dealId() + ". Пишите сюда — менеджер ответит.");
      return Outcome.JOIN_ACCEPTED;
    }
    if (admissions.request(deal.get(), phone, message.senderName())) {
      reply(phone, join.dealId(), message.externalId(), "Запрос на вступление в группу сделки №" + join.dealId() + " передан менеджеру.");
    }
    return Outcome.JOIN_REQUESTED;
  }

  /**
   * WA-10 in a group the provider holds: a join request by its invite link. A number that is none
   * of the counterparty's is rejected with the automatic reply; one admitted before is approved at
   * once; another of theirs asks the responsible, whose decision goes back to the provider. Unknown
   * groups are none of ours: left alone. A user known only by their business-scoped id is the client
   * that id was learned on; an unknown one is rejected without a reply (there is no number to answer).
   */
  public Outcome joinRequested(String groupId, String joinRequestId, String waId, String userId, String name) {
    Optional<Deal> deal = dealGroups.byGroupId(groupId).flatMap(group -> deals.findById(group.dealId()));
    if (deal.isEmpty()) {
      return Outcome.JOIN_REFUSED;
    }
    String phone = PhoneNumbers.e164(waId != null && !waId.isBlank() ? waId
        : userId == null || userId.isBlank() ? null : users.numberOf(userId).orElse(null));
    if (phone == null) {
      dealGroups.rejectJoin(groupId, joinRequestId);
      log.info("Join request {} to group {} from an unknown WhatsApp user {}: rejected", joinRequestId, groupId, userId);
      return Outcome.JOIN_REFUSED;
    }
    boolean theirs = deal.get().isOpen() && deal.get().getCounterparty() != null && deal.get().getCounterparty().hasNumber(phone);
    if (!theirs) {
      dealGroups.rejectJoin(groupId, joinRequestId);
      replyOncePerDay(phone, null, "stranger", settings.text(WhatsAppSettings.AUTO_REPLY));
      return Outcome.JOIN_REFUSED;
    }
    if (admissions.isAdmitted(deal.get().getId(), phone)) {
      dealGroups.approveJoin(groupId, joinRequestId);
      return Outcome.JOIN_ACCEPTED;
    }
    admissions.request(deal.get(), phone, name, groupId, joinRequestId);
    return Outcome.JOIN_REQUESTED;
  }

  /** WA-2: kept for a manager to look at, and the automatic reply — when there is a number to answer. */
  private void keepAsStranger(InboundMessage message, String phone) {
    keep(message, phone, null);
    if (phone == null) {
      log.info("Message {} from WhatsApp user {} (no number) kept as a stranger's; no automatic reply without a number",
          message.externalId(), message.userId());
      return;
    }
    int colon = message.externalId() == null ? -1 : message.externalId().indexOf(':');
    replyOncePerDay(phone, null, "stranger", settings.text(WhatsAppSettings.AUTO_REPLY),
        colon > 0 ? message.externalId().substring(0, colon) : null, message.channel()); // back the way it came (WA-11)
  }

  /**
   * A message that could not be routed (it failed in its own transaction): kept with the reason among
   * the strangers' messages, where a manager sees it — lost it is not. No reply: nobody knows to whom.
   */
  public void keepUnrouted(InboundMessage message, String failure) {
    if (!alreadyStored(message.externalId())) {
      keep(message, PhoneNumbers.normalize(message.phone()), failure == null ? "сбой" : failure);
    }
  }

  private void keep(InboundMessage message, String phone, String failure) {
    jdbc.update("""
        insert into stranger_message (external_id, phone, whatsapp_user_id, sender_name, body, received_at, failure)
        values (?, ?, ?, ?, ?, ?, ?)""", message.externalId(), phone, message.userId(), message.senderName(),
        message.text(), Timestamp.from(message.receivedAt()),
        failure == null ? null : failure.length() > 1000 ? failure.substring(0, 1000) : failure);
  }

  /** An answer to a client's message goes out through the deal's client chat, keyed by the message it answers. */
  private void reply(String phone, long dealId, String answering, String text) {
    outbox.send(ClientOutbox.Outgoing.whatsapp(dealId, "reply-to:" + (answering == null ? phone + ":" + clock.instant() : answering),
        text, phone));
  }

  /** A delivery status of one of our messages; statuses never go back (a late «delivered» after «read»). */
  public void statusChanged(String externalId, MessageStatus status, String reason) {
    delivery.updateStatus(externalId, status, reason);
  }

  /**
   * Into the deal's client chat, shown by the sender's profile name. Files are not fetched here — the
   * provider waits for our answer, and a file may be slow or hostile: the message is stored with
   * «вложение загружается…» and a job fetches each file afterwards ({@link MediaDownloads}).
   */
  private void store(Deal deal, InboundMessage message) {
    String from = Stream.of(message.senderName(), message.phone(), message.userId()).filter(s -> s != null && !s.isBlank())
        .findFirst().orElse("Клиент");
    if (message.missedCall()) {
      receiving.recordCall(deal.getId(), Direction.INCOMING, true, message.phone(), message.externalId());
      return;
    }
    String text = message.text() == null ? "" : message.text();
    if (!message.media().isEmpty()) {
      text = text.isBlank() ? MediaDownloads.PLACEHOLDER : text + "\n" + MediaDownloads.PLACEHOLDER;
    }
    ChatMessage stored = receiving.receiveFromClient(deal.getId(), from, Channel.WHATSAPP, text, List.of(), message.externalId(),
        message.channel());
    if (!message.media().isEmpty()) {
      media.enqueue(stored.getId(), deal.getId(), message.media());
    }
  }

  /** Providers deliver more than once: stored before in a chat or as a stranger's — one query, asked for every message. */
  private boolean alreadyStored(String externalId) {
    return externalId != null && Boolean.TRUE.equals(jdbc.queryForObject("""
        select exists (select 1 from chat_message where external_id = ?)
            or exists (select 1 from stranger_message where external_id = ?)""", Boolean.class, externalId, externalId));
  }

  /**
   * The reply goes out at most once per number, day and kind: the row is the claim, so two nodes
   * receiving at once send one. A failed send is logged and the claim kept — a stranger is not
   * answered twice because a provider stumbled.
   */
  private void replyOncePerDay(String phone, Long dealId, String kind, String text) {
    replyOncePerDay(phone, dealId, kind, text, null, null);
  }

  private void replyOncePerDay(String phone, Long dealId, String kind, String text, String service, String channel) {
    if (phone == null) {
      return; // a WhatsApp user known by their id alone: no number to answer
    }
    LocalDate today = LocalDate.now(clock);
    int claimed = jdbc.update("""
        insert into auto_reply_log (phone, reply_day, kind, sent_at)
        select ?, ?, ?, ? where not exists (select 1 from auto_reply_log where phone = ? and reply_day = ? and kind = ?)""",
        phone, today, kind, Timestamp.from(clock.instant()), phone, today, kind);
    if (claimed == 0) {
      return;
    }
    String cause = "auto-" + kind + "-" + phone + "-" + today;
    if (dealId != null) { // a client of ours: through their deal's chat, where the manager sees it
      outbox.send(ClientOutbox.Outgoing.whatsapp(dealId, cause, text, phone));
      return;
    }
    try { // a stranger has no deal and no chat: the provider directly, keyed by number and day
      messenger.send(new OutgoingMessage(null, phone, text, cause).via(service, channel));
    } catch (MessageNotSentException e) {
      log.warn("Automatic reply to {} not sent: {}", phone, e.getMessage());
    }
  }
}
