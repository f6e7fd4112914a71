package ru.voronka.chat;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import ru.voronka.deals.Deal;
import ru.voronka.directory.Counterparty;
import ru.voronka.directory.Employee;
import ru.voronka.platform.time.Timestamped;
import ru.voronka.platform.time.WriteTimes;

@Entity
@EntityListeners(WriteTimes.class)
public class Chat implements Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** Optimistic locking of the chat's own fields (PLT-4). */
  @jakarta.persistence.Version
  private long version;

  @Enumerated(EnumType.STRING)
  private ChatKind kind;

  private String title;

  @ManyToOne(fetch = FetchType.LAZY)
  private Deal deal;

  @ManyToOne(fetch = FetchType.LAZY)
  private Counterparty counterparty;

  private String pairKey;
  private Instant createdAt;
  /** Moved by every message: two messages at once in one chat are not a conflict. */
  @org.hibernate.annotations.OptimisticLock(excluded = true)
  private Instant lastMessageAt;

  protected Chat() {}

  /** Microseconds: what PostgreSQL keeps. */
  @Override
  public void created(Instant now) {
    createdAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  private Chat(ChatKind kind, String title) {
    this.kind = kind;
    this.title = title;
  }

  static Chat personal(Employee a, Employee b) {
    Chat chat = new Chat(ChatKind.PERSONAL, a.getFullName() + " — " + b.getFullName());
    chat.pairKey = pairKey(a, b);
    return chat;
  }

  static Chat group(String title) {
    return new Chat(ChatKind.GROUP, title);
  }

  static Chat ofDeal(Deal deal, ChatKind kind) {
    Chat chat = new Chat(kind, kind.title() + ": " + deal.getTitle());
    chat.deal = deal;
    chat.counterparty = deal.getCounterparty();
    return chat;
  }

  static String pairKey(Employee a, Employee b) {
    return Math.min(a.getId(), b.getId()) + ":" + Math.max(a.getId(), b.getId());
  }

  void touch(Instant at) {
    lastMessageAt = at;
  }

  public long getVersion() {
    return version;
  }

  public Long getId() {
    return id;
  }

  public ChatKind getKind() {
    return kind;
  }

  public String getTitle() {
    return title;
  }

  public Deal getDeal() {
    return deal;
  }

  public Counterparty getCounterparty() {
    return counterparty;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getLastMessageAt() {
    return lastMessageAt;
  }

  public boolean isClientChat() {
    return kind == ChatKind.DEAL_CLIENT;
  }
}
