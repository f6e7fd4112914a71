package ru.voronka.whatsapp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.chat.Channel;
import ru.voronka.chat.ChatReceiving;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealCreated;
import ru.voronka.deals.DealRepository;
import ru.voronka.directory.Contact;

/**
 * What strangers asked for on WhatsApp (WA-2), as requests a manager turns into deals. A new deal
 * whose client has the stranger's number takes every message that number left: each becomes a
 * client message of the deal's chat (the first of them starts «Ответить клиенту», COM-5), in the
 * order they came, and leaves the strangers' list. So it does not matter whether the deal was made
 * from the message («Создать сделку») or later by someone who typed the number.
 */
@Service
@Transactional
public class StrangerRequests {

  public record Request(Long id, String phone, String senderName, String body, Instant receivedAt) {}

  private static final RowMapper<Request> ROW = (rs, i) -> new Request(rs.getLong("id"), rs.getString("phone"),
      rs.getString("sender_name"), rs.getString("body"), rs.getTimestamp("received_at").toInstant());

  private final JdbcTemplate jdbc;
  private final DealRepository deals;
  private final ChatReceiving receiving;

  StrangerRequests(JdbcTemplate jdbc, DealRepository deals, ChatReceiving receiving) {
    this.jdbc = jdbc;
    this.deals = deals;
    this.receiving = receiving;
  }

  /** The requests no deal has taken yet, newest first — those with a number to make a client of. */
  @Transactional(readOnly = true)
  public List<Request> open(int limit) {
    return jdbc.query("""
        select id, phone, sender_name, body, received_at from stranger_message
        where deal_id is null and phone is not null and failure is null order by received_at desc, id desc limit ?""", ROW, limit);
  }

  @Transactional(readOnly = true)
  public Optional<Request> find(Long id) {
    return jdbc.query("select id, phone, sender_name, body, received_at from stranger_message where id = ? and deal_id is null",
        ROW, id).stream().findFirst();
  }

  /** In the deal's own transaction: the deal and its first client messages are made together. */
  @EventListener
  public void dealCreated(DealCreated event) {
    Deal deal = deals.findById(event.dealId()).orElseThrow();
    if (deal.getCounterparty() == null) {
      return;
    }
    List<String> numbers = deal.getCounterparty().getContacts().stream().flatMap(c -> c.getPhones().stream()).distinct().toList();
    for (String number : numbers) {
      for (Request request : jdbc.query("""
          select id, phone, sender_name, body, received_at, external_id from stranger_message
          where phone = ? and deal_id is null order by received_at, id""", (rs, i) -> new Taken(ROW.mapRow(rs, i),
          rs.getString("external_id")), number).stream().map(t -> take(deal, t)).toList()) {
        jdbc.update("update stranger_message set deal_id = ? where id = ?", deal.getId(), request.id());
      }
    }
  }

  private record Taken(Request request, String externalId) {}

  private Request take(Deal deal, Taken taken) {
    Request r = taken.request();
    String from = r.senderName() != null && !r.senderName().isBlank() ? r.senderName() : contactName(deal, r.phone());
    receiving.receiveFromClient(deal.getId(), from, Channel.WHATSAPP, r.body() == null ? "" : r.body(), List.of(), taken.externalId());
    return r;
  }

  private static String contactName(Deal deal, String phone) {
    return deal.getCounterparty().getContacts().stream().filter(c -> c.getPhones().contains(phone)).map(Contact::getFullName)
        .findFirst().orElse(phone);
  }
}
