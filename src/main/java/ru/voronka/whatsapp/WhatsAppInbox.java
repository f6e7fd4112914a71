package ru.voronka.whatsapp;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.chat.Channel;
import ru.voronka.chat.Chats;
import ru.voronka.chat.Direction;
import ru.voronka.chat.MessageStatus;
import ru.voronka.chat.Upload;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealRepository;
import ru.voronka.directory.Counterparty;
import ru.voronka.directory.Directory;
import ru.voronka.directory.PhoneNumbers;
import ru.voronka.messaging.ClientMessenger;
import ru.voronka.messaging.ClientMessenger.MessageNotSentException;
import ru.voronka.messaging.ClientMessenger.OutgoingMessage;
import ru.voronka.platform.RussianFormats;

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
  private final Chats chats;
  private final ClientMessenger messenger;
  private final WhatsAppSettings settings;
  private final JdbcTemplate jdbc;
  private final GroupJoinLinks joinLinks;
  private final GroupAdmissions admissions;
  private final MediaDownloader downloader;
  private final DealGroups dealGroups;

  private final Clock clock;

  WhatsAppInbox(Directory directory, DealRepository deals, Chats chats, ClientMessenger messenger, WhatsAppSettings settings,
      JdbcTemplate jdbc, GroupJoinLinks joinLinks, GroupAdmissions admissions, MediaDownloader downloader,
      DealGroups dealGroups, Clock clock) {
    this.clock = clock;
    this.dealGroups = dealGroups;
    this.downloader = downloader;
    this.joinLinks = joinLinks;
    this.admissions = admissions;
    this.directory = directory;
    this.deals = deals;
    this.chats = chats;
    this.messenger = messenger;
    this.settings = settings;
    this.jdbc = jdbc;
  }

  /**
   * A delivery's messages and statuses in one transaction: providers send several at once when they
   * come fast, and each transaction costs more than a message. Stored whole or not at all — the
   * provider retries a failed delivery, and what was stored before is recognised.
   */
  public void receiveDelivery(List<InboundMessage> messages, List<StatusChange> statuses) {
    messages.forEach(this::receive);
    statuses.forEach(s -> statusChanged(s.externalId(), s.status(), s.reason()));
  }

  public Outcome receive(InboundMessage message) {
    if (alreadyStored(message.externalId())) {
      return Outcome.DUPLICATE;
    }
    String phone = PhoneNumbers.normalize(message.phone());
    Optional<Deal> ofGroup = Optional.ofNullable(message.groupId()).flatMap(dealGroups::byGroupId)
        .flatMap(group -> deals.findById(group.dealId()));
    if (ofGroup.isPresent()) { // written in the deal's group at the provider: its chat, whoever wrote
      store(ofGroup.get(), message);
      if (ofGroup.get().isOpen()) {
        return Outcome.ROUTED;
      }
      replyOncePerDay(phone == null ? message.phone() : phone, "closed", settings.text(WhatsAppSettings.CLOSED_DEAL_NOTICE));
      return Outcome.CLOSED_DEAL;
    }
    Optional<GroupJoinLinks.JoinCode> join = joinLinks.find(message.text());
    if (join.isPresent()) {
      return join(join.get(), message, phone == null ? message.phone() : phone);
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
      replyOncePerDay(phone == null ? message.phone() : phone, "closed", settings.text(WhatsAppSettings.CLOSED_DEAL_NOTICE));
      return Outcome.CLOSED_DEAL;
    }
    keepAsStranger(message, phone == null ? message.phone() : phone);
    return Outcome.STRANGER;
  }

  /**
   * WA-10: a QR code's join message. A code that is not the deal's own, or a number that is none of
   * the counterparty's, is refused with the automatic reply; a number admitted before is accepted
   * at once; any other of the counterparty's numbers asks the responsible in a Camunda task.
   */
  private Outcome join(GroupJoinLinks.JoinCode join, InboundMessage message, String phone) {
    Optional<Deal> deal = joinLinks.valid(join) ? deals.findById(join.dealId()) : Optional.empty();
    boolean theirs = deal.isPresent() && deal.get().getCounterparty() != null && deal.get().getCounterparty().getContacts()
        .stream().flatMap(c -> c.getPhones().stream()).anyMatch(phone::equals);
    if (!theirs) {
      keepAsStranger(message, phone);
      return Outcome.JOIN_REFUSED;
    }
    store(deal.get(), message);
    if (admissions.isAdmitted(join.dealId(), phone)) {
      reply(phone, join.dealId(), "Вы в группе сделки №" + join.dealId() + ". Пишите сюда — менеджер ответит.");
      return Outcome.JOIN_ACCEPTED;
    }
    if (admissions.request(deal.get(), phone, message.senderName())) {
      reply(phone, join.dealId(), "Запрос на вступление в группу сделки №" + join.dealId() + " передан менеджеру.");
    }
    return Outcome.JOIN_REQUESTED;
  }

  /**
   * WA-10 in a group the provider holds: a join request by its invite link. A number that is none
   * of the counterparty's is rejected with the automatic reply; one admitted before is approved at
   * once; another of theirs asks the responsible, whose decision goes back to the provider. Unknown
   * groups are none of ours: left alone.
   */
  public Outcome joinRequested(String groupId, String joinRequestId, String waId, String name) {
    Optional<Deal> deal = dealGroups.byGroupId(groupId).flatMap(group -> deals.findById(group.dealId()));
    String phone = PhoneNumbers.normalize(waId);
    if (deal.isEmpty() || phone == null) {
      return Outcome.JOIN_REFUSED;
    }
    boolean theirs = deal.get().isOpen() && deal.get().getCounterparty() != null && deal.get().getCounterparty().getContacts()
        .stream().flatMap(c -> c.getPhones().stream()).anyMatch(phone::equals);
    if (!theirs) {
      dealGroups.rejectJoin(groupId, joinRequestId);
      replyOncePerDay(phone, "stranger", settings.text(WhatsAppSettings.AUTO_REPLY));
      return Outcome.JOIN_REFUSED;
    }
    if (admissions.isAdmitted(deal.get().getId(), phone)) {
      dealGroups.approveJoin(groupId, joinRequestId);
      return Outcome.JOIN_ACCEPTED;
    }
    admissions.request(deal.get(), phone, name, groupId, joinRequestId);
    return Outcome.JOIN_REQUESTED;
  }

  private void keepAsStranger(InboundMessage message, String phone) {
    jdbc.update("insert into stranger_message (external_id, phone, sender_name, body, received_at) values (?, ?, ?, ?, ?)",
        message.externalId(), phone, message.senderName(), message.text(), Timestamp.from(message.receivedAt()));
    replyOncePerDay(phone, "stranger", settings.text(WhatsAppSettings.AUTO_REPLY));
  }

  private void reply(String phone, long dealId, String text) {
    try {
      messenger.send(new OutgoingMessage(dealId, phone, text));
    } catch (MessageNotSentException e) {
      log.warn("Reply to {} not sent: {}", phone, e.getMessage());
    }
  }

  /** A delivery status of one of our messages; statuses never go back (a late «delivered» after «read»). */
  public void statusChanged(String externalId, MessageStatus status, String reason) {
    chats.updateStatus(externalId, status, reason);
  }

  private void store(Deal deal, InboundMessage message) {
    String from = message.senderName() == null || message.senderName().isBlank() ? message.phone() : message.senderName();
    if (message.missedCall()) {
      chats.recordCall(deal.getId(), Direction.INCOMING, true, message.phone(), message.externalId());
    } else {
      List<Upload> files = new ArrayList<>();
      StringBuilder text = new StringBuilder(message.text() == null ? "" : message.text());
      for (InboundMessage.MediaRef media : message.media()) {
        try {
          files.add(downloader.download(media));
        } catch (IOException | RuntimeException e) {
          text.append(text.length() == 0 ? "" : "\n").append("[вложение не получено: ").append(e.getMessage()).append("]");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          text.append("[вложение не получено: прервано]");
        }
      }
      chats.receiveFromClient(deal.getId(), from, Channel.WHATSAPP, text.toString(), files, message.externalId());
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
  private void replyOncePerDay(String phone, String kind, String text) {
    LocalDate today = LocalDate.now(clock);
    int claimed = jdbc.update("""
        insert into auto_reply_log (phone, reply_day, kind, sent_at)
        select ?, ?, ?, ? where not exists (select 1 from auto_reply_log where phone = ? and reply_day = ? and kind = ?)""",
        phone, today, kind, Timestamp.from(clock.instant()), phone, today, kind);
    if (claimed == 0) {
      return;
    }
    try {
      messenger.send(new OutgoingMessage(null, phone, text, "auto-" + kind + "-" + phone + "-" + today));
    } catch (MessageNotSentException e) {
      log.warn("Automatic reply to {} not sent: {}", phone, e.getMessage());
    }
  }
}
