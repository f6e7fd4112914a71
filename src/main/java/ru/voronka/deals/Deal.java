package ru.voronka.deals;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.hibernate.annotations.DynamicUpdate;
import ru.voronka.directory.Counterparty;
import ru.voronka.directory.Employee;
import ru.voronka.platform.time.CreatedAndUpdated;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * A deal in a funnel. Its stage is moved by the funnel process (or by hand through the process); the
 * deal itself only guards its own consistency: a closed deal does not move, a loss needs a reason.
 */
@Entity
@DynamicUpdate // jobs and people change different fields of one deal at once: write only what changed
@jakarta.persistence.EntityListeners(DealWrites.class)
public class Deal extends CreatedAndUpdated {

  /** KP and nomenclature come from 1C for deals whose direction names Russia (FUN-4, ONE-1). */
  private static final String ONE_C_DIRECTION_MARK = "россия";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** Optimistic locking: a change made from an older version of the deal is refused (PLT-4). */
  @jakarta.persistence.Version
  private long version;

  private String title;

  @Enumerated(EnumType.STRING)
  private Funnel funnel = Funnel.SALES;

  @Enumerated(EnumType.STRING)
  private DealStage stage = DealStage.NEW;

  @Enumerated(EnumType.STRING)
  private DealStatus status = DealStatus.OPEN;

  @ManyToOne(fetch = FetchType.LAZY)
  private Counterparty counterparty;

  @ManyToOne(fetch = FetchType.LAZY)
  private Employee responsible;

  /**
   * The responsible's id as the column holds it, for queries only: a condition on {@code responsible} in a
   * query that also joins it is written on the joined employee, and PostgreSQL then cannot use the
   * responsible index (issue 15's bench: a manager's count 9 → 21 ms, a capped search count 9 → 61 ms).
   */
  @jakarta.persistence.Column(name = "responsible_id", insertable = false, updatable = false)
  private Long responsibleId;

  @ManyToOne(fetch = FetchType.LAZY)
  private Employee previousResponsible;

  private BigDecimal amount;
  private BigDecimal margin;
  private String direction;

  @Enumerated(EnumType.STRING)
  private Priority priority;

  private LocalDate deliveryDate;
  private LocalDate kpAgreementDate;

  @Enumerated(EnumType.STRING)
  private DocumentSet documentSet;

  @Enumerated(EnumType.STRING)
  private PaymentTerms paymentTerms;

  private LocalDate paymentDate;

  @Enumerated(EnumType.STRING)
  private LostReason lostReason;

  private String lostComment;

  @ManyToOne(fetch = FetchType.LAZY)
  private Deal sourceDeal;

  private String processInstanceId;
  private Instant closedAt;

  /** Written by {@link DealSearchText} only; the search reads it. */
  @jakarta.persistence.Column(insertable = false, updatable = false)
  private String searchText;

  /** A new deal, title or client: the search text is to be written before the commit. */
  @jakarta.persistence.Transient
  private boolean searchTextStale;

  /** Where {@link DealTally} counts this deal: as loaded, or as last written in this session; null before the first write. */
  @jakarta.persistence.Transient
  private DealTally.Place tallied;

  protected Deal() {}

  public Deal(String title, Funnel funnel, Counterparty counterparty) {
    this.title = Objects.requireNonNull(title);
    this.funnel = funnel;
    this.stage = funnel == Funnel.SALES ? DealStage.NEW : DealStage.ENGINEERS_NEW;
    this.counterparty = counterparty;
    this.searchTextStale = true;
  }

  /** The «Инженеры» deal that continues a won sale (FUN-9). */
  public Deal convertToEngineers() {
    Deal engineering = new Deal(title, Funnel.ENGINEERS, counterparty);
    engineering.sourceDeal = this;
    engineering.amount = amount;
    engineering.margin = margin;
    engineering.direction = direction;
    engineering.priority = priority;
    engineering.deliveryDate = deliveryDate;
    engineering.responsible = responsible;
    return engineering;
  }

  /** Moves to the stage and answers the stage it left. */
  public DealStage moveTo(DealStage target) {
    requireOpen();
    if (target.funnel() != funnel) {
      throw new DomainException(Kind.INVALID, "Стадия «" + target.title() + "» не относится к воронке «" + funnel.title() + "»");
    }
    DealStage left = stage;
    stage = target;
    return left;
  }

  public void assignResponsible(Employee employee) {
    requireOpen();
    if (responsible != null && responsible.getId().equals(employee.getId())) {
      return;
    }
    previousResponsible = responsible;
    responsible = employee;
  }

  public void win(Instant now) {
    requireOpen();
    stage = funnel == Funnel.SALES ? DealStage.WON : DealStage.ENGINEERS_DONE;
    status = DealStatus.WON;
    closedAt = now;
  }

  public DealStage lose(LostReason reason, String comment, Instant now) {
    requireOpen();
    if (reason == null) {
      throw new DomainException(Kind.INVALID, "Укажите причину провала сделки");
    }
    if (reason == LostReason.OTHER && (comment == null || comment.isBlank())) {
      throw new DomainException(Kind.INVALID, "Для причины «Другое» комментарий обязателен");
    }
    DealStage left = stage;
    stage = DealStage.LOST;
    status = DealStatus.LOST;
    lostReason = reason;
    lostComment = comment == null || comment.isBlank() ? null : comment.trim();
    closedAt = now;
    return left;
  }

  public void requireOpen() {
    if (status != DealStatus.OPEN) {
      throw new DomainException(Kind.CONFLICT, "Сделка №" + id + " закрыта («" + status.title() + "»): менять её нельзя");
    }
  }

  public boolean isOpen() {
    return status == DealStatus.OPEN;
  }

  public boolean suppliedFromOneC() {
    return direction != null && direction.toLowerCase().contains(ONE_C_DIRECTION_MARK);
  }

  public void setAmount(BigDecimal amount) {
    if (amount != null && amount.signum() < 0) {
      throw new DomainException(Kind.INVALID, "Сумма сделки не может быть отрицательной");
    }
    this.amount = amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
  }

  public void setMargin(BigDecimal margin) {
    this.margin = margin == null ? null : margin.setScale(2, RoundingMode.HALF_UP);
  }

  public void setTitle(String title) {
    this.searchTextStale |= !Objects.equals(this.title, title);
    this.title = title;
  }

  public void setDirection(String direction) {
    this.direction = direction;
  }

  public void setPriority(Priority priority) {
    this.priority = priority;
  }

  public void setDeliveryDate(LocalDate deliveryDate) {
    this.deliveryDate = deliveryDate;
  }

  public void setKpAgreementDate(LocalDate kpAgreementDate) {
    this.kpAgreementDate = kpAgreementDate;
  }

  public void setDocumentSet(DocumentSet documentSet) {
    this.documentSet = documentSet;
  }

  public void setPaymentTerms(PaymentTerms paymentTerms) {
    this.paymentTerms = paymentTerms;
  }

  public void setPaymentDate(LocalDate paymentDate) {
    this.paymentDate = paymentDate;
  }

  public void setCounterparty(Counterparty counterparty) {
    this.searchTextStale |= this.counterparty != counterparty;
    this.counterparty = counterparty;
  }

  /** Whether the search text is to be written, and from now on not again until the next change. */
  boolean takeSearchTextStale() {
    boolean stale = searchTextStale;
    searchTextStale = false;
    return stale;
  }

  /** Loaded: counted where the database has it. */
  void loadedForTally() {
    tallied = tallyPlace();
  }

  /** Written: the move in the tally since the last write, or null when its stage, responsible and amount stayed. */
  DealTally.Move takeTallyMove() {
    DealTally.Place now = tallyPlace();
    DealTally.Place before = tallied;
    tallied = now;
    return now.equals(before) ? null : new DealTally.Move(before, now);
  }

  private DealTally.Place tallyPlace() {
    return DealTally.Place.of(funnel, stage, responsible == null ? null : responsible.getId(), amount);
  }

  public void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public long getVersion() {
    return version;
  }

  /** The caller saw this version (a page's form, an API's If-Match): refused if the deal changed since. */
  public void requireVersion(Long seen) {
    if (seen != null && seen != version) {
      throw DomainException.staleData();
    }
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public Funnel getFunnel() {
    return funnel;
  }

  public DealStage getStage() {
    return stage;
  }

  public DealStatus getStatus() {
    return status;
  }

  public Counterparty getCounterparty() {
    return counterparty;
  }

  public Employee getResponsible() {
    return responsible;
  }

  public String getResponsibleUserId() {
    return responsible == null ? null : responsible.getUserId();
  }

  public Employee getPreviousResponsible() {
    return previousResponsible;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public BigDecimal getMargin() {
    return margin;
  }

  public String getDirection() {
    return direction;
  }

  public Priority getPriority() {
    return priority;
  }

  public LocalDate getDeliveryDate() {
    return deliveryDate;
  }

  public LocalDate getKpAgreementDate() {
    return kpAgreementDate;
  }

  public DocumentSet getDocumentSet() {
    return documentSet;
  }

  public PaymentTerms getPaymentTerms() {
    return paymentTerms;
  }

  public LocalDate getPaymentDate() {
    return paymentDate;
  }

  public LostReason getLostReason() {
    return lostReason;
  }

  public String getLostComment() {
    return lostComment;
  }

  public Deal getSourceDeal() {
    return sourceDeal;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public Instant getClosedAt() {
    return closedAt;
  }
}
