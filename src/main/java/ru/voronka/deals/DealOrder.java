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

/** An order of a deal: the work of a side process (import, production, procurement). */
@Entity
@Table(name = "deal_order")
@EntityListeners(WriteTimes.class)
public class DealOrder implements Timestamped {

  public enum Status {
    OPEN("В работе"),
    COMPLETED("Выполнен"),
    CANCELLED("Отменён");

    private final String title;

    Status(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long dealId;

  @Enumerated(EnumType.STRING)
  private OrderKind kind;

  @Enumerated(EnumType.STRING)
  private Status status = Status.OPEN;

  private String processInstanceId;
  private Instant createdAt;
  private Instant completedAt;

  protected DealOrder() {}

  @Override
  public void created(Instant now) {
    createdAt = now;
  }

  DealOrder(Long dealId, OrderKind kind, String processInstanceId) {
    this.dealId = dealId;
    this.kind = kind;
    this.processInstanceId = processInstanceId;
  }

  void complete(Instant now) {
    status = Status.COMPLETED;
    completedAt = now;
  }

  public Long getId() {
    return id;
  }

  public Long getDealId() {
    return dealId;
  }

  public OrderKind getKind() {
    return kind;
  }

  public Status getStatus() {
    return status;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }
}
