package ru.voronka.deals;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
import ru.voronka.directory.Group;
import ru.voronka.notifications.Notice;
import ru.voronka.notifications.Notifier;
import ru.voronka.platform.CurrentActor;
import ru.voronka.platform.RussianFormats;

/**
 * FUN-10: every deadline has an escalation. Who is told, and with which title, is the DMN table
 * {@code escalationRecipients} (dmn/escalation-recipients.dmn), so an analyst can change it.
 */
@Service
@Transactional
public class Escalations {

  public static final String DECISION = "escalationRecipients";

  private final DecisionService decisions;
  private final DealRepository deals;
  private final DealHistory history;
  private final Directory directory;
  private final Notifier notifier;
  private final PaymentSchedule schedule;
  private final DealLinks links;

  Escalations(DecisionService decisions, DealRepository deals, DealHistory history, Directory directory, Notifier notifier,
      PaymentSchedule schedule, DealLinks links) {
    this.decisions = decisions;
    this.deals = deals;
    this.history = history;
    this.directory = directory;
    this.notifier = notifier;
    this.schedule = schedule;
    this.links = links;
  }

  /** @param trancheId the overdue tranche for TRANCHE_OVERDUE, else null */
  public Set<String> escalate(Long dealId, String deadline, Long trancheId) {
    Deal deal = deals.findById(dealId).orElseThrow(() -> new DealNotFoundException(dealId));
    DmnDecisionResultEntries rule = decisions.evaluateDecisionByKey(DECISION)
        .variables(Map.of("deadline", deadline)).evaluate().getSingleResult();
    String title = rule.getEntry("title");
    Set<String> recipients = new LinkedHashSet<>();
    if (Boolean.TRUE.equals(rule.getEntry("notifyHeadOfSales"))) {
      recipients.addAll(directory.memberIds(Group.HEAD_OF_SALES));
    }
    if (Boolean.TRUE.equals(rule.getEntry("notifyResponsible")) && deal.getResponsibleUserId() != null) {
      recipients.add(deal.getResponsibleUserId());
    }
    StringBuilder body = new StringBuilder()
        .append(title).append(". Сделка №").append(dealId).append(" «").append(deal.getTitle()).append("», стадия «")
        .append(deal.getStage().title()).append("», ответственный: ")
        .append(deal.getResponsible() == null ? "не назначен" : deal.getResponsible().getFullName()).append('.');
    if (trancheId != null) {
      PaymentTranche tranche = schedule.markOverdueNotified(trancheId);
      body.append(" Транш ").append(tranche.getSeq()).append(": ")
          .append(tranche.getPercent().stripTrailingZeros().toPlainString()).append(" % до ")
          .append(RussianFormats.date(tranche.getDueDate()));
      if (deal.getAmount() != null) {
        body.append(" (").append(RussianFormats.money(tranche.amountOf(deal.getAmount()))).append(')');
      }
      body.append('.');
    }
    notifier.notifyUsers(recipients, new Notice(title, body.toString(), dealId, links.deal(dealId)));
    history.record(dealId, CurrentActor.SYSTEM, HistoryKind.ESCALATION, title + " — уведомлены: " + names(recipients));
    return recipients;
  }

  private String names(Set<String> userIds) {
    if (userIds.isEmpty()) {
      return "некому (нет получателей)";
    }
    return String.join(", ", userIds.stream()
        .map(id -> directory.employee(id).map(Employee::getFullName).orElse(id)).toList());
  }
}
