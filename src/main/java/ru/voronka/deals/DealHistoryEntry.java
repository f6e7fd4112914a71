package ru.voronka.deals;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import ru.voronka.platform.time.Timestamped;
import ru.voronka.platform.time.WriteTimes;

/** One line of a deal's log. Entries are only ever added. */
@Entity
@Table(name = "deal_history")
@EntityListeners(WriteTimes.class)
public class DealHistoryEntry implements Timestamped {

  /** Outcome of an automatic action (AUT-1): «Отправлено» or «Ошибка». */
  public enum Status {
    OK, ERROR
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long dealId;
  private Instant at;
  private String actor;

  @Enumerated(EnumType.STRING)
  private HistoryKind kind;

  private String text;

  @Enumerated(EnumType.STRING)
  private DealStage fromStage;

  @Enumerated(EnumType.STRING)
  private DealStage toStage;

  @Enumerated(EnumType.STRING)
  private Status status;

  protected DealHistoryEntry() {}

  @Override
  public void created(Instant now) {
    at = now;
  }

  DealHistoryEntry(Long dealId, String actor, HistoryKind kind, String text) {
    this.dealId = dealId;
    this.actor = actor;
    this.kind = kind;
    this.text = text.length() > 4000 ? text.substring(0, 3997) + "..." : text;
  }

  DealHistoryEntry stages(DealStage from, DealStage to) {
    this.fromStage = from;
    this.toStage = to;
    return this;
  }

  DealHistoryEntry status(Status status) {
    this.status = status;
    return this;
  }

  public Long getId() {
    return id;
  }

  public Long getDealId() {
    return dealId;
  }

  public Instant getAt() {
    return at;
  }

  public String getActor() {
    return actor;
  }

  public HistoryKind getKind() {
    return kind;
  }

  public String getText() {
    return text;
  }

  public DealStage getFromStage() {
    return fromStage;
  }

  public DealStage getToStage() {
    return toStage;
  }

  public Status getStatus() {
    return status;
  }
}
