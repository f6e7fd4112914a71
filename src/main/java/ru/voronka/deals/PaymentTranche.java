package ru.voronka.deals;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

/** A part of the payment schedule: a percent of the amount due by a date (FUN-6). */
@Entity
@Table(name = "payment_tranche")
public class PaymentTranche {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long dealId;
  private int seq;
  private BigDecimal percent;
  private LocalDate dueDate;
  private Instant paidAt;
  private Instant overdueNotifiedAt;
  private boolean cancelled;

  protected PaymentTranche() {}

  PaymentTranche(Long dealId, int seq, BigDecimal percent, LocalDate dueDate) {
    this.dealId = dealId;
    this.seq = seq;
    this.percent = percent.setScale(2, RoundingMode.HALF_UP);
    this.dueDate = dueDate;
  }

  void markPaid(Instant now) {
    if (paidAt == null) {
      paidAt = now;
    }
  }

  void markOverdueNotified(Instant now) {
    overdueNotifiedAt = now;
  }

  /** A new schedule replaces the old one; the old rows stay for the record. */
  void cancel() {
    cancelled = true;
  }

  public BigDecimal amountOf(BigDecimal dealAmount) {
    return dealAmount == null ? null : dealAmount.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
  }

  public Long getId() {
    return id;
  }

  public Long getDealId() {
    return dealId;
  }

  public int getSeq() {
    return seq;
  }

  public BigDecimal getPercent() {
    return percent;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public Instant getPaidAt() {
    return paidAt;
  }

  public Instant getOverdueNotifiedAt() {
    return overdueNotifiedAt;
  }

  public boolean isCancelled() {
    return cancelled;
  }

  public boolean isPaid() {
    return paidAt != null;
  }
}
