package ru.voronka.deals;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An order of a deal: the work of a side process (import, production, procurement). */
@Entity
@Table(name = "deal_order")
public class DealOrder {

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
  private Instant createdAt = Instant.now();
  private Instant completedAt;

  protected DealOrder() {}

  DealOrder(Long dealId, OrderKind kind, String processInstanceId) {
    this.dealId = dealId;
    this.kind = kind;
    this.processInstanceId = processInstanceId;
  }

  void complete() {
    status = Status.COMPLETED;
    completedAt = Instant.now();
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
