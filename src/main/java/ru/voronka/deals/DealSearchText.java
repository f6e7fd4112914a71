package ru.voronka.deals;

import jakarta.persistence.EntityManager;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionTemplate;
import ru.voronka.directory.ClientChanged;
import ru.voronka.platform.db.TransactionScoped;
import ru.voronka.directory.Counterparty;

/**
 * Keeps {@code deal.search_text} — the deal's title and its client's card ({@link Counterparty#searchText()})
 * in lower case — true to the deal and its client, in the same commit as the change. The search reads one
 * column with one trigram index, so PostgreSQL can walk the newest deals for a common word and stop at a
 * page, or look a rare one up in the index (issue 15's bench: «насос» in a fifth of 100 000 deals, 150 ms
 * as a union of lists, a few ms here). Bitrix24 keeps its deals' search content the same way.
 */
@Component
public class DealSearchText {

  private static final Logger log = LoggerFactory.getLogger(DealSearchText.class);
  private static final int MAX_LENGTH = 8000;
  private static final int BATCH = 200;

  private final EntityManager entities;
  private final TransactionTemplate transactions;

  /** {@code transactions} lazily: {@link DealWritesBeforeCommit}, a part of the transaction manager, needs this. */
  DealSearchText(EntityManager entities, @Lazy TransactionTemplate transactions) {
    this.entities = entities;
    this.transactions = transactions;
  }

  /**
   * Just before a transaction commits, its session flushed ({@link DealWritesBeforeCommit}), so the events of
   * every deal and contact it changed have arrived: their texts are written, in it.
   */
  void writePending() {
    Pending pending = TransactionScoped.find(Pending.class);
    for (int round = 0; pending != null && round < 3 && !(pending.clients.isEmpty() && pending.deals.isEmpty()); round++) {
      Set<Long> clientIds = Set.copyOf(pending.clients);
      Set<Long> dealIds = Set.copyOf(pending.deals);
      pending.clients.clear();
      pending.deals.clear();
      Set<Long> written = new java.util.HashSet<>();
      clientIds.forEach(id -> written.addAll(writeClient(id)));
      // a new deal of a new client is written with its client's deals, not a second time
      dealIds.stream().filter(id -> !written.contains(id)).forEach(this::writeDeal);
    }
  }

  @EventListener
  void clientChanged(ClientChanged changed) {
    Pending pending = pending();
    if (pending != null) {
      pending.clients.add(changed.counterpartyId());
    }
  }

  @EventListener
  void dealWritten(DealWrites.SearchTextStale stale) {
    Pending pending = pending();
    if (pending != null) {
      pending.deals.add(stale.dealId());
    }
  }

  /** At every start: the deals whose text was never written ({@link #writeMissing}). */
  @EventListener(ApplicationReadyEvent.class)
  public void onStart() {
    try {
      writeMissing();
    } catch (RuntimeException e) {
      // Two nodes started together write the same rows and one may lose a deadlock: the other finishes,
      // and a deal left behind is written at its next change or start. Never a reason not to start.
      log.warn("Search text not written for every older deal this time: {}", e.toString());
    }
  }

  /**
   * Deals whose text was never written — those of an older version, or made by SQL (the bench): their
   * clients' deals are written in batches, each batch in its own transaction.
   */
  public void writeMissing() {
    int clients = 0;
    List<Long> batch;
    do {
      batch = transactions.execute(status -> {
        @SuppressWarnings("unchecked")
        List<Number> ids = entities.createNativeQuery(
            "select distinct counterparty_id from deal where search_text is null and counterparty_id is not null")
            .setMaxResults(BATCH).getResultList();
        ids.forEach(id -> writeClient(id.longValue()));
        return ids.stream().map(Number::longValue).toList();
      });
      clients += batch.size();
    } while (batch.size() == BATCH);
    int alone = transactions.execute(status -> entities.createNativeQuery(
        "select id from deal where search_text is null").getResultList().stream()
        .mapToInt(id -> writeDeal(((Number) id).longValue())).sum());
    if (clients + alone > 0) {
      log.info("Search text written for the deals of {} clients and {} deals without a client", clients, alone);
    }
  }

  /** Writes every deal of the client; returns their ids. */
  private List<Long> writeClient(Long counterpartyId) {
    Counterparty client = entities.find(Counterparty.class, counterpartyId);
    String clientText = client == null ? "" : client.searchText();
    List<Object[]> deals = entities.createQuery("select d.id, d.title from Deal d where d.counterparty.id = :id", Object[].class)
        .setParameter("id", counterpartyId).getResultList();
    deals.forEach(row -> write((Long) row[0], text((String) row[1], clientText)));
    return deals.stream().map(row -> (Long) row[0]).toList();
  }

  private int writeDeal(Long dealId) {
    Deal deal = entities.find(Deal.class, dealId);
    if (deal == null) {
      return 0;
    }
    write(dealId, text(deal.getTitle(), deal.getCounterparty() == null ? "" : deal.getCounterparty().searchText()));
    return 1;
  }

  private void write(Long dealId, String text) {
    entities.createNativeQuery("update deal set search_text = ? where id = ?")
        .setParameter(1, text).setParameter(2, dealId).executeUpdate();
  }

  static String text(String title, String clientText) {
    String text = title.toLowerCase(Locale.ROOT) + " " + clientText;
    return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
  }

  /** This transaction's deals and clients to write; null outside a transaction (nothing is written there). */
  private static Pending pending() {
    return TransactionScoped.get(Pending.class, Pending::new);
  }

  /** Kept for the transaction's life; written by {@link #writePending}. */
  private static final class Pending implements TransactionSynchronization {
    final Set<Long> clients = new LinkedHashSet<>();
    final Set<Long> deals = new LinkedHashSet<>();
  }
}
