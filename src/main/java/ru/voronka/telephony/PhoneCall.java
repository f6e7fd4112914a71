package ru.voronka.telephony;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import ru.voronka.deals.Deal;
import ru.voronka.directory.Counterparty;
import ru.voronka.directory.Employee;

/**
 * One call with a client (TEL-2) as the PBX reported it. {@code callKey} is Asterisk's Linkedid
 * (the simulator's id in the demo): replayed or reconciled events land on the same row.
 */
@Entity
@Table(name = "phone_call")
public class PhoneCall {

  public enum State {
    RINGING("Звонит"), ANSWERED("Разговор"), COMPLETED("Состоялся"), MISSED("Пропущен"),
    /** A click-to-call whose desk did not pick up (or was busy, unreachable): no call with the client took place. */
    FAILED("Не состоялся"),
    /** Ended while Voronka did not hear it, and Asterisk's CDR does not tell how: not a missed call for sure. */
    UNKNOWN("Исход неизвестен");

    private final String title;

    State(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String callKey;

  @Enumerated(EnumType.STRING)
  private CallDirection direction;

  @Enumerated(EnumType.STRING)
  private State state;

  private String clientNumber;
  private String extension;

  @ManyToOne(fetch = FetchType.LAZY)
  private Employee employee;

  @ManyToOne(fetch = FetchType.LAZY)
  private Counterparty counterparty;

  @ManyToOne(fetch = FetchType.LAZY)
  private Deal deal;

  private Instant startedAt;
  private Instant answeredAt;
  private Instant endedAt;
  private String recording;
  private String transferredTo;
  private String followUp;
  private String route;

  protected PhoneCall() {}

  PhoneCall(String callKey, CallDirection direction, String clientNumber, Instant startedAt) {
    this.callKey = callKey;
    this.direction = direction;
    this.clientNumber = clientNumber;
    this.startedAt = startedAt;
    this.state = State.RINGING;
  }

  void ringsAt(String extension, Employee employee) {
    if (state == State.RINGING) {
      this.extension = extension;
      this.employee = employee;
    }
  }

  void identify(Counterparty counterparty, Deal deal) {
    this.counterparty = counterparty;
    this.deal = deal;
  }

  /** @return false when it was answered before (a replayed event) */
  boolean answer(String extension, Employee employee, Instant at) {
    if (state != State.RINGING) {
      return false;
    }
    this.state = State.ANSWERED;
    this.answeredAt = at;
    if (extension != null) {
      this.extension = extension;
      this.employee = employee;
    }
    return true;
  }

  /** @return false when it had ended before */
  boolean end(Instant at) {
    return endAs(State.MISSED, at);
  }

  /** Ended while nobody listened and without a CDR: answered ones are still conversations, the others unknown. */
  boolean endUnheard(Instant at) {
    return endAs(State.UNKNOWN, at);
  }

  private boolean endAs(State unanswered, Instant at) {
    if (isOver()) {
      return false;
    }
    this.state = answeredAt == null ? unanswered : State.COMPLETED;
    this.endedAt = at;
    return true;
  }

  /** A click-to-call the desk never picked up: over at once. */
  void failed(Instant at) {
    this.state = State.FAILED;
    this.endedAt = at;
  }

  void transferTo(String extension, Employee employee) {
    this.transferredTo = this.extension;
    this.extension = extension;
    this.employee = employee;
  }

  void recordAt(String recording) {
    this.recording = recording;
  }

  void routedBy(String route) {
    this.route = route;
  }

  void followedUpWith(String followUp) {
    this.followUp = followUp;
  }

  public boolean isMissed() {
    return state == State.MISSED;
  }

  public boolean isOver() {
    return state != State.RINGING && state != State.ANSWERED;
  }

  /** How long they talked: until the end, or until {@code now} while the call goes on. */
  public Duration talked(Instant now) {
    return answeredAt == null ? Duration.ZERO : Duration.between(answeredAt, endedAt == null ? now : endedAt);
  }

  public Long getId() {
    return id;
  }

  public String getCallKey() {
    return callKey;
  }

  public CallDirection getDirection() {
    return direction;
  }

  public State getState() {
    return state;
  }

  public String getClientNumber() {
    return clientNumber;
  }

  public String getExtension() {
    return extension;
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

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  public String getRecording() {
    return recording;
  }

  public String getTransferredTo() {
    return transferredTo;
  }

  /** The routing decision the call got while it rang (TEL-5), when Voronka was asked. */
  public String getRoute() {
    return route;
  }

  public String getFollowUp() {
    return followUp;
  }
}
