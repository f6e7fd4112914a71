package ru.voronka.deals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.calendar.WorkingCalendar;
import ru.voronka.deals.process.DealProcesses;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;
import ru.voronka.directory.Counterparty;
import ru.voronka.directory.CounterpartyRepository;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
import ru.voronka.directory.Group;
import ru.voronka.notifications.Notice;
import ru.voronka.notifications.Notifier;
import ru.voronka.platform.CurrentActor;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/** What the funnels do to a deal, step by step: each method is one BPMN element's work. */
@Service
@Transactional
public class FunnelSteps {

  /** FUN-2: the KP agreement date is two working days after the deal is taken. */
  static final int KP_AGREEMENT_WORKING_DAYS = 2;

  private final DealRepository deals;
  private final DealHistory history;
  private final Directory directory;
  private final CounterpartyRepository counterparties;
  private final WorkingCalendar calendar;
  private final Notifier notifier;
  private final DealProcesses processes;
  private final CurrentActor actor;
  private final DealLinks links;

  private final Clock clock;

  private final ApplicationEventPublisher events;

  FunnelSteps(DealRepository deals, DealHistory history, Directory directory, CounterpartyRepository counterparties,
      WorkingCalendar calendar, Notifier notifier, DealProcesses processes, CurrentActor actor, DealLinks links, Clock clock, ApplicationEventPublisher events) {
    this.events = events;
    this.clock = clock;
    this.deals = deals;
    this.history = history;
    this.directory = directory;
    this.counterparties = counterparties;
    this.calendar = calendar;
    this.notifier = notifier;
    this.processes = processes;
    this.actor = actor;
    this.links = links;
  }

  public Deal deal(Long dealId) {
    return deals.findById(dealId).orElseThrow(() -> new DealNotFoundException(dealId));
  }

  /** A request typed into Tasklist's start form becomes a deal with a new client card. */
  public Deal registerFromStartForm(String title, String clientName, String contactName, String phone, String inn, String direction,
      BigDecimal amount, String processInstanceId) {
    if (clientName == null || clientName.isBlank()) {
      throw new DomainException(Kind.INVALID, "Укажите клиента");
    }
    Counterparty client = new Counterparty(clientName.trim(), ru.voronka.directory.TaxIds.requireInn(inn), null);
    NewClientContact.add(client, contactName, phone, null);
    counterparties.save(client);
    Deal deal = new Deal(title == null || title.isBlank() ? "Заявка: " + clientName.trim() : title.trim(), Funnel.SALES, client);
    deal.setDirection(blankToNull(direction));
    deal.setAmount(amount);
    deal.attachProcess(processInstanceId);
    deals.save(deal);
    history.record(deal.getId(), actor.userId(), HistoryKind.CREATED, "Сделка создана из формы «Новая заявка»");
    return deal;
  }

  public void attachProcess(Long dealId, String processInstanceId) {
    deal(dealId).attachProcess(processInstanceId);
  }

  public void enterStage(Long dealId, DealStage stage) {
    Deal deal = deal(dealId);
    if (deal.getStage() == stage) {
      return;
    }
    DealStage left = deal.moveTo(stage);
    history.recordStage(dealId, actor.userId(), left, stage, "Смена стадии с «" + left.title() + "» на «" + stage.title() + "»");
    events.publishEvent(new DealStageEntered(dealId, left, stage, clock.instant()));
  }

  public void notifyManagersOfNewRequest(Long dealId) {
    Deal deal = deal(dealId);
    notifier.notifyGroup(Group.MANAGERS, new Notice("Новая заявка: " + deal.getTitle(),
        "Поступила заявка №" + dealId + clientSuffix(deal) + ". Возьмите её в работу в течение часа.", dealId, links.deal(dealId)));
  }

  /** FUN-1: whoever takes the request becomes responsible. */
  public Employee takeIntoWork(Long dealId, String userId) {
    Deal deal = deal(dealId);
    Employee employee = directory.requireEmployee(userId);
    String previous = deal.getResponsibleUserId();
    deal.assignResponsible(employee);
    if (!userId.equals(previous)) {
      events.publishEvent(new ResponsibleChanged(dealId, previous, userId, userId));
    }
    if (deal.getCounterparty() != null && deal.getCounterparty().getResponsible() == null) {
      deal.getCounterparty().assignResponsible(employee);
    }
    history.record(dealId, userId, HistoryKind.RESPONSIBLE, "Заявку взял в работу: " + employee.getFullName());
    return employee;
  }

  public void recordRefusal(Long dealId, String userId, String reason) {
    Deal deal = deal(dealId);
    String who = directory.employee(userId).map(Employee::getFullName).orElse(userId);
    history.record(dealId, userId, HistoryKind.ACTION, "Отказ от заявки: " + who + ". Причина: " + reason);
    notifier.notifyGroup(Group.HEAD_OF_SALES, new Notice("Отказ от заявки №" + dealId,
        who + " отказался от заявки «" + deal.getTitle() + "». Причина: " + reason, dealId, links.deal(dealId)));
  }

  public LocalDate setKpAgreementDate(Long dealId) {
    Deal deal = deal(dealId);
    LocalDate date = calendar.addWorkingDays(LocalDate.now(clock), KP_AGREEMENT_WORKING_DAYS);
    deal.setKpAgreementDate(date);
    history.record(dealId, CurrentActor.SYSTEM, HistoryKind.ACTION, "Дата согласования КП: " + RussianFormats.date(date));
    return date;
  }

  /** Copies the deal's fields a form has just set; other variables are none of the deal's business. */
  public void saveFields(Long dealId, Map<String, Object> vars) {
    Deal deal = deal(dealId);
    List<String> changed = new ArrayList<>();
    if (vars.get(Vars.PRIORITY) != null) {
      deal.setPriority(ProcessValues.enumValue(Priority.class, vars.get(Vars.PRIORITY), "Приоритет"));
      changed.add("приоритет " + deal.getPriority());
    }
    if (vars.get(Vars.DELIVERY_DATE) != null) {
      deal.setDeliveryDate(ProcessValues.date(vars.get(Vars.DELIVERY_DATE), "Срок поставки"));
      changed.add("срок поставки " + RussianFormats.date(deal.getDeliveryDate()));
    }
    if (vars.get(Vars.AMOUNT) != null) {
      deal.setAmount(ProcessValues.money(vars.get(Vars.AMOUNT), "Сумма"));
      changed.add("сумма " + RussianFormats.money(deal.getAmount()));
    }
    if (vars.get(Vars.MARGIN) != null) {
      deal.setMargin(ProcessValues.money(vars.get(Vars.MARGIN), "Маржа"));
      changed.add("маржа " + RussianFormats.money(deal.getMargin()));
    }
    if (vars.get(Vars.DIRECTION) != null) {
      deal.setDirection(vars.get(Vars.DIRECTION).toString());
      changed.add("направление «" + deal.getDirection() + "»");
    }
    if (vars.get(Vars.DOCUMENT_SET) != null) {
      deal.setDocumentSet(ProcessValues.enumValue(DocumentSet.class, vars.get(Vars.DOCUMENT_SET), "Комплект документов"));
      changed.add("комплект документов «" + deal.getDocumentSet().title() + "»");
    }
    if (vars.get(Vars.PAYMENT_TERMS) != null) {
      deal.setPaymentTerms(ProcessValues.enumValue(PaymentTerms.class, vars.get(Vars.PAYMENT_TERMS), "Условия оплаты"));
      changed.add("оплата «" + deal.getPaymentTerms().title() + "»");
    }
    if (vars.get(Vars.PAYMENT_DATE) != null) {
      deal.setPaymentDate(ProcessValues.date(vars.get(Vars.PAYMENT_DATE), "Дата оплаты"));
      changed.add("дата оплаты " + RussianFormats.date(deal.getPaymentDate()));
    }
    if (!changed.isEmpty()) {
      history.record(dealId, actor.userId(), HistoryKind.ACTION, "Данные сделки: " + String.join(", ", changed));
    }
  }

  public void closeAsWon(Long dealId) {
    Deal deal = deal(dealId);
    deal.win(clock.instant());
    history.record(dealId, actor.userId(), HistoryKind.ACTION, "Сделка закрыта: «" + deal.getStage().title() + "»");
    events.publishEvent(new DealClosed(dealId, deal.getStatus()));
  }

  public void closeAsLost(Long dealId, LostReason reason, String comment) {
    Deal deal = deal(dealId);
    DealStage left = deal.lose(reason, comment, clock.instant());
    history.recordStage(dealId, actor.userId(), left, DealStage.LOST, "Сделка провалена на стадии «" + left.title()
        + "». Причина: " + reason.title() + (deal.getLostComment() == null ? "" : " — " + deal.getLostComment()));
    processes.cancelPaymentControl(dealId, "Сделка провалена");
    events.publishEvent(new DealClosed(dealId, deal.getStatus()));
  }

  /** FUN-9: a won sale continues as a deal of the «Инженеры» funnel. */
  public Deal convertToEngineers(Long dealId) {
    Deal sale = deal(dealId);
    Deal engineering = deals.save(sale.convertToEngineers());
    history.record(engineering.getId(), CurrentActor.SYSTEM, HistoryKind.CREATED,
        "Сделка создана конвертацией сделки №" + dealId + " в воронку «Инженеры»");
    engineering.attachProcess(processes.startEngineersFunnel(engineering));
    history.record(dealId, CurrentActor.SYSTEM, HistoryKind.ACTION, "Конвертирована в воронку «Инженеры»: сделка №" + engineering.getId());
    return engineering;
  }

  public void recordApprovalDecision(Long dealId, boolean approved, String comment) {
    history.record(dealId, actor.userId(), HistoryKind.DOCUMENT, approved
        ? "РОП согласовал документы" + (comment == null || comment.isBlank() ? "" : ": " + comment)
        : "РОП вернул документы на доработку: " + comment);
  }

  public void recordAssignments(Long dealId, List<String> whom) {
    deal(dealId);
    history.record(dealId, actor.userId(), HistoryKind.ACTION, whom.isEmpty()
        ? "Модуль заданий: задания не отмечены"
        : "Модуль заданий: поставлены задания " + String.join(", ", whom));
  }

  private static String clientSuffix(Deal deal) {
    return deal.getCounterparty() == null ? "" : " от «" + deal.getCounterparty().getName() + "»";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
