package ru.voronka.telephony;

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
import ru.voronka.deals.Deal;
import ru.voronka.directory.Counterparty;
import ru.voronka.directory.Employee;
import ru.voronka.platform.time.Timestamped;
import ru.voronka.platform.time.WriteTimes;

/** TEL-9: a call, letter or meeting due with a client, with a reminder. Overdue and not done counts as missed. */
@Entity
@EntityListeners(WriteTimes.class)
public class ClientEvent implements Timestamped {

  public enum Kind {
    CALL("Звонок"), LETTER("Письмо"), MEETING("Встреча");

    private final String title;

    Kind(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  public enum Status {
    OPEN("Открыт"), IN_PROGRESS("В работе"), DONE("Выполнен"), CANCELLED("Отменен"), UNAVAILABLE("Не доступен");

    private final String title;

    Status(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }

    public boolean isPending() {
      return this == OPEN || this == IN_PROGRESS;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  private Kind kind;

  private String title;

  @Enumerated(EnumType.STRING)
  private Status status;

  @ManyToOne(fetch = FetchType.LAZY)
  private Employee employee;

  @ManyToOne(fetch = FetchType.LAZY)
  private Counterparty counterparty;

  @ManyToOne(fetch = FetchType.LAZY)
  private Deal deal;

  @ManyToOne(fetch = FetchType.LAZY)
  private PhoneCall call;

  private Instant dueAt;
  private Instant remindAt;
  private Instant remindedAt;
  private Instant createdAt;

  protected ClientEvent() {}

  @Override
  public void created(Instant now) {
    createdAt = now;
  }

  ClientEvent(Kind kind, String title, Employee employee, Counterparty counterparty, Deal deal, PhoneCall call, Instant dueAt,
      Instant remindAt) {
    this.kind = kind;
    this.title = title;
    this.employee = employee;
    this.counterparty = counterparty;
    this.deal = deal;
    this.call = call;
    this.dueAt = dueAt;
    this.remindAt = remindAt;
    this.status = Status.OPEN;
  }

  void reminded(Instant at) {
    this.remindedAt = at;
  }

  void changeStatus(Status status) {
    this.status = status;
  }

  public boolean isMissed(Instant now) {
    return status.isPending() && dueAt.isBefore(now);
  }

  public Long getId() {
    return id;
  }

  public Kind getKind() {
    return kind;
  }

  public String getTitle() {
    return title;
  }

  public Status getStatus() {
    return status;
  }

  public Employee getEmployee() {
    return employee;
  }

  public Counterparty getCounterparty() {
    return counterparty;
  }

  public Deal getDeal() {
    return deal;
  }

  public PhoneCall getCall() {
    return call;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public Instant getRemindAt() {
    return remindAt;
  }
}
