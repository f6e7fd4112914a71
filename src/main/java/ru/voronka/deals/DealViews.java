package ru.voronka.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import ru.voronka.directory.Employee;
import ru.voronka.platform.RussianFormats;

/** What the API shows of a deal. Codes for programs, titles and formatted texts for people. */
public final class DealViews {

  private DealViews() {}

  public record Coded(String code, String title) {}

  public record Person(String userId, String fullName) {
    public static Person of(Employee e) {
      return e == null ? null : new Person(e.getUserId(), e.getFullName());
    }
  }

  public record Client(Long id, String name, String inn) {}

  public record DealSummary(Long id, String title, Coded funnel, Coded stage, Coded status, Client client, Person responsible,
      BigDecimal amount, String amountText, String priority, LocalDate deliveryDate, Instant createdAt, Instant updatedAt) {}

  public record DealDetails(Long id, String title, Coded funnel, Coded stage, Coded status, Client client, Person responsible,
      Person previousResponsible, BigDecimal amount, String amountText, BigDecimal margin, String direction, String priority,
      LocalDate deliveryDate, LocalDate kpAgreementDate, Coded documentSet, Coded paymentTerms, LocalDate paymentDate,
      Coded lostReason, String lostComment, Long sourceDealId, Instant createdAt, Instant updatedAt, Instant closedAt,
      List<TaskView> openTasks, List<OrderView> orders, List<TrancheView> paymentSchedule, List<KpLineView> kp,
      List<LogisticsView> logisticsIn1C, long version) {}

  public record TaskView(String id, String key, String name, String assignee, Date due, Date created, String processDefinitionId,
      String tasklistUrl) {}

  public record OrderView(Long id, Coded kind, Coded status, Instant createdAt, Instant completedAt) {}

  public record TrancheView(Long id, int seq, BigDecimal percent, LocalDate dueDate, String amountText, Instant paidAt,
      Instant overdueNotifiedAt) {}

  public record KpLineView(int lineNo, String code, String name, String unit, BigDecimal quantity, BigDecimal price, BigDecimal total,
      String source) {}

  public record LogisticsView(String onecRef, String task, String status, boolean executed, Instant updatedAt) {}

  public record HistoryView(Long id, Instant at, String atText, String actor, Coded kind, String text, Coded fromStage,
      Coded toStage, String status) {
    public static HistoryView of(DealHistoryEntry e) {
      return new HistoryView(e.getId(), e.getAt(), RussianFormats.dateTime(e.getAt()), e.getActor(),
          new Coded(e.getKind().name(), e.getKind().title()),
          e.getText(), e.getFromStage() == null ? null : new Coded(e.getFromStage().name(), e.getFromStage().title()),
          e.getToStage() == null ? null : new Coded(e.getToStage().name(), e.getToStage().title()),
          e.getStatus() == null ? null : e.getStatus() == DealHistoryEntry.Status.OK ? "Отправлено" : "Ошибка");
    }
  }

  public static DealSummary summary(Deal d) {
    return new DealSummary(d.getId(), d.getTitle(), new Coded(d.getFunnel().name(), d.getFunnel().title()),
        new Coded(d.getStage().name(), d.getStage().title()), new Coded(d.getStatus().name(), d.getStatus().title()),
        client(d), Person.of(d.getResponsible()), d.getAmount(), d.getAmount() == null ? null : RussianFormats.money(d.getAmount()),
        d.getPriority() == null ? null : d.getPriority().name(), d.getDeliveryDate(), d.getCreatedAt(), d.getUpdatedAt());
  }

  public static DealDetails details(Deal d, List<TaskView> tasks, List<DealOrder> orders, List<PaymentTranche> tranches,
      List<KpLine> kp, List<LogisticsMirror> logistics) {
    return new DealDetails(d.getId(), d.getTitle(), new Coded(d.getFunnel().name(), d.getFunnel().title()),
        new Coded(d.getStage().name(), d.getStage().title()), new Coded(d.getStatus().name(), d.getStatus().title()),
        client(d), Person.of(d.getResponsible()), Person.of(d.getPreviousResponsible()), d.getAmount(),
        d.getAmount() == null ? null : RussianFormats.money(d.getAmount()), d.getMargin(), d.getDirection(),
        d.getPriority() == null ? null : d.getPriority().name(), d.getDeliveryDate(), d.getKpAgreementDate(),
        d.getDocumentSet() == null ? null : new Coded(d.getDocumentSet().name(), d.getDocumentSet().title()),
        d.getPaymentTerms() == null ? null : new Coded(d.getPaymentTerms().name(), d.getPaymentTerms().title()),
        d.getPaymentDate(), d.getLostReason() == null ? null : new Coded(d.getLostReason().name(), d.getLostReason().title()),
        d.getLostComment(), d.getSourceDeal() == null ? null : d.getSourceDeal().getId(), d.getCreatedAt(), d.getUpdatedAt(),
        d.getClosedAt(), tasks,
        orders.stream().map(o -> new OrderView(o.getId(), new Coded(o.getKind().name(), o.getKind().title()),
            new Coded(o.getStatus().name(), o.getStatus().title()), o.getCreatedAt(), o.getCompletedAt())).toList(),
        tranches.stream().map(t -> new TrancheView(t.getId(), t.getSeq(), t.getPercent(), t.getDueDate(),
            d.getAmount() == null ? null : RussianFormats.money(t.amountOf(d.getAmount())), t.getPaidAt(),
            t.getOverdueNotifiedAt())).toList(),
        kp.stream().map(l -> new KpLineView(l.getLineNo(), l.getCode(), l.getName(), l.getUnit(), l.getQuantity(), l.getPrice(),
            l.getTotal(), l.getSource())).toList(),
        logistics.stream().map(m -> new LogisticsView(m.getOnecRef(), m.getTaskKey(), m.getStatus(), m.isExecuted(),
            m.getUpdatedAt())).toList(), d.getVersion());
  }

  private static Client client(Deal d) {
    return d.getCounterparty() == null ? null
        : new Client(d.getCounterparty().getId(), d.getCounterparty().getName(), d.getCounterparty().getInn());
  }
}
