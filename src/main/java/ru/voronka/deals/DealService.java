package ru.voronka.deals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.deals.process.DealProcesses;
import ru.voronka.directory.Counterparty;
import ru.voronka.directory.CounterpartyRepository;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
import ru.voronka.directory.TaxIds;
import ru.voronka.platform.db.CustomPlans;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * What people do with deals: open one, find them, move them by hand or by a button, lose them with
 * a reason, hand them over, order side work. Each command is checked here and then carried out by
 * the deal's processes, so the funnel always follows.
 */
@Service
@Transactional
public class DealService {

  private final DealRepository deals;
  private final CounterpartyRepository counterparties;
  private final Directory directory;
  private final DealHistory history;
  private final DealProcesses processes;
  private final ApplicationEventPublisher events;
  private final ClientAccess clients;
  private final CustomPlans customPlans;

  DealService(DealRepository deals, CounterpartyRepository counterparties, Directory directory, DealHistory history,
      DealProcesses processes, ApplicationEventPublisher events, ClientAccess clients, CustomPlans customPlans) {
    this.clients = clients;
    this.customPlans = customPlans;
    this.events = events;
    this.deals = deals;
    this.counterparties = counterparties;
    this.directory = directory;
    this.history = history;
    this.processes = processes;
  }

  public Deal create(NewDeal request, Viewer viewer) {
    if (request.title() == null || request.title().isBlank()) {
      throw new DomainException(Kind.INVALID, "Укажите название сделки");
    }
    Counterparty client = resolveClient(request, viewer);
    Deal deal = new Deal(request.title().trim(), Funnel.SALES, client);
    deal.setAmount(request.amount());
    deal.setMargin(request.margin());
    deal.setDirection(request.direction() == null || request.direction().isBlank() ? null : request.direction().trim());
    deal.setPriority(request.priority());
    deal.setDeliveryDate(request.deliveryDate());
    deals.save(deal);
    history.record(deal.getId(), viewer.userId(), HistoryKind.CREATED, "Сделка создана");
    deal.attachProcess(processes.startSalesFunnel(deal));
    events.publishEvent(new DealCreated(deal.getId()));
    return deal;
  }

  @Transactional(readOnly = true)
  public Deal get(Long id, Viewer viewer) {
    Deal deal = deals.findById(id).orElseThrow(() -> new DealNotFoundException(id));
    if (!viewer.mayView(deal)) {
      // Not «forbidden»: a manager should not learn that someone else's deal exists.
      throw new DealNotFoundException(id);
    }
    return deal;
  }

  /** The list behind the API: a search's count exact. */
  @Transactional(readOnly = true)
  public Page<Deal> search(DealFilter filter, Viewer viewer, Pageable pageable) {
    return search(filter, viewer, pageable, Long.MAX_VALUE);
  }

  /**
   * {@code countCap}: a search counts no further than one more than this (the desktop shows «более 1 000»):
   * counting every deal that has a common word costs more than finding the page (issue 15's bench).
   */
  @Transactional(readOnly = true)
  public Page<Deal> search(DealFilter filter, Viewer viewer, Pageable pageable, long countCap) {
    String visibleTo = viewer.seesAllDeals() ? null : viewer.userId();
    if (filter.q() == null || filter.q().isBlank()) {
      return deals.list(filter.funnel(), filter.stage(), filter.status(), filter.responsible(), visibleTo, pageable);
    }
    SearchTerms terms = SearchTerms.of(filter.q());
    customPlans.forThisTransaction();
    List<Deal> page = deals.search(filter.funnel(), filter.stage(), filter.status(), filter.responsible(), visibleTo,
        terms.words(), terms.number(), terms.digits(), pageable);
    long total = countCap == Long.MAX_VALUE
        ? deals.countSearch(filter.funnel(), filter.stage(), filter.status(), filter.responsible(), visibleTo,
            terms.words(), terms.number(), terms.digits())
        : customPlans.readingIndexes(() -> deals.searchIds(filter.funnel(), filter.stage(), filter.status(), filter.responsible(),
            visibleTo, terms.words(), terms.number(), terms.digits(), PageRequest.of(0, (int) Math.min(countCap + 1, Integer.MAX_VALUE)))
            .size());
    return new PageImpl<>(page, pageable, total);
  }

  public record DealFilter(Funnel funnel, DealStage stage, DealStatus status, String responsible, String q) {}

  /** FUN-10: a stage chosen by hand; the funnel leaves the current stage and enters the chosen one. */
  public Deal changeStage(Long id, DealStage target, Viewer viewer) {
    return changeStage(id, target, null, viewer);
  }

  /** {@code seenVersion}: the deal's version the caller saw (null: whatever it is now). */
  public Deal changeStage(Long id, DealStage target, Long seenVersion, Viewer viewer) {
    Deal deal = manageable(id, viewer);
    deal.requireVersion(seenVersion);
    StageRules.check(deal, target, viewer);
    if (target == DealStage.LOST) {
      throw new DomainException(Kind.INVALID, "Чтобы провалить сделку, укажите причину: POST /api/deals/" + id + "/loss");
    }
    if (deal.getFunnel() != Funnel.SALES || target.funnel() != Funnel.SALES) {
      throw new DomainException(Kind.INVALID, "Вручную стадию можно менять только в воронке «Продажа»");
    }
    if (deal.getStage() == target) {
      throw new DomainException(Kind.CONFLICT, "Сделка уже на стадии «" + target.title() + "»");
    }
    if (target != DealStage.NEW && deal.getResponsible() == null) {
      throw new DomainException(Kind.CONFLICT, "У сделки нет ответственного: сначала возьмите её в работу или назначьте ответственного");
    }
    history.record(id, viewer.userId(), HistoryKind.ACTION, "Стадия изменена вручную: «" + deal.getStage().title()
        + "» → «" + target.title() + "»");
    processes.requestStageChange(deal, target);
    return deal;
  }

  /** An action button: «Взять в работу» also makes the presser responsible. */
  public Deal act(Long id, DealAction action, Viewer viewer) {
    Deal deal = deals.findById(id).orElseThrow(() -> new DealNotFoundException(id));
    if (viewer.mayView(deal)) {
      StageRules.check(deal, action, viewer);
    }
    if (action == DealAction.TAKE_INTO_WORK && deal.getResponsible() == null && viewer.mayView(deal)) {
      deal.requireOpen();
      Employee employee = directory.requireEmployee(viewer.userId());
      deal.assignResponsible(employee);
      processes.handOver(id, null, employee.getUserId());
      history.record(id, viewer.userId(), HistoryKind.RESPONSIBLE, "Сделку взял в работу: " + employee.getFullName());
    }
    history.record(id, viewer.userId(), HistoryKind.ACTION, "Нажата кнопка «" + action.title() + "»");
    return changeStage(id, action.target(), viewer);
  }

  public Deal lose(Long id, LostReason reason, String comment, Viewer viewer) {
    Deal deal = manageable(id, viewer);
    if (deal.getFunnel() != Funnel.SALES) {
      throw new DomainException(Kind.INVALID, "Провалить можно только сделку воронки «Продажа»");
    }
    if (reason == null) {
      throw new DomainException(Kind.INVALID, "Укажите причину провала сделки");
    }
    if (reason == LostReason.OTHER && (comment == null || comment.isBlank())) {
      throw new DomainException(Kind.INVALID, "Для причины «Другое» комментарий обязателен");
    }
    processes.requestLoss(deal, reason, comment);
    return deal;
  }

  /** The РОП redistributes work (or a manager hands their deal over): tasks and processes follow. */
  public Deal changeResponsible(Long id, String userId, Viewer viewer) {
    return changeResponsible(id, userId, null, viewer);
  }

  /** {@code seenVersion}: the deal's version the caller saw (null: whatever it is now). */
  public Deal changeResponsible(Long id, String userId, Long seenVersion, Viewer viewer) {
    Deal deal = manageable(id, viewer);
    deal.requireVersion(seenVersion);
    deal.requireOpen();
    Employee next = directory.requireEmployee(userId);
    String previous = deal.getResponsibleUserId();
    if (next.getUserId().equals(previous)) {
      return deal;
    }
    deal.assignResponsible(next);
    processes.handOver(id, previous, next.getUserId());
    events.publishEvent(new ResponsibleChanged(id, previous, next.getUserId(), viewer.userId()));
    history.record(id, viewer.userId(), HistoryKind.RESPONSIBLE, "Ответственный: "
        + (deal.getPreviousResponsible() == null ? "не назначен" : deal.getPreviousResponsible().getFullName())
        + " → " + next.getFullName());
    return deal;
  }

  /** The fields a manager owns; each change is a line of the deal's history, and the funnel reads the new amount. */
  public record DealFields(String title, java.math.BigDecimal amount, java.math.BigDecimal margin, String direction, Priority priority,
      java.time.LocalDate deliveryDate) {}

  public Deal editFields(Long id, DealFields fields, Viewer viewer) {
    Deal deal = manageable(id, viewer);
    if (fields.title() == null || fields.title().isBlank()) {
      throw new DomainException(Kind.INVALID, "Укажите название сделки");
    }
    if (fields.margin() != null && fields.amount() != null && fields.margin().compareTo(fields.amount()) > 0) {
      throw new DomainException(Kind.INVALID, "Маржа не может быть больше суммы сделки");
    }
    List<String> changes = new ArrayList<>();
    String title = fields.title().strip();
    if (!title.equals(deal.getTitle())) {
      changes.add("Название: «" + deal.getTitle() + "» → «" + title + "»");
      deal.setTitle(title);
    }
    java.math.BigDecimal amountBefore = deal.getAmount();
    if (!sameMoney(deal.getAmount(), fields.amount())) {
      changes.add("Сумма: " + money(deal.getAmount()) + " → " + money(fields.amount()));
      deal.setAmount(fields.amount());
    }
    if (!sameMoney(deal.getMargin(), fields.margin())) {
      changes.add("Маржа: " + money(deal.getMargin()) + " → " + money(fields.margin()));
      deal.setMargin(fields.margin());
    }
    String direction = fields.direction() == null || fields.direction().isBlank() ? null : fields.direction().strip();
    if (!java.util.Objects.equals(direction, deal.getDirection())) {
      changes.add("Направление: " + orDash(deal.getDirection()) + " → " + orDash(direction));
      deal.setDirection(direction);
    }
    if (fields.priority() != deal.getPriority()) {
      changes.add("Приоритет: " + orDash(deal.getPriority()) + " → " + orDash(fields.priority()));
      deal.setPriority(fields.priority());
    }
    if (!java.util.Objects.equals(fields.deliveryDate(), deal.getDeliveryDate())) {
      changes.add("Срок поставки: " + ru.voronka.platform.RussianFormats.date(deal.getDeliveryDate()) + " → "
          + ru.voronka.platform.RussianFormats.date(fields.deliveryDate()));
      deal.setDeliveryDate(fields.deliveryDate());
    }
    changes.forEach(change -> history.record(id, viewer.userId(), HistoryKind.EDIT, change));
    if (!sameMoney(amountBefore, deal.getAmount())) {
      processes.amountChanged(deal); // the approval threshold reads it
    }
    return deal;
  }

  private static boolean sameMoney(java.math.BigDecimal a, java.math.BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  private static String money(java.math.BigDecimal amount) {
    return amount == null ? "—" : ru.voronka.platform.RussianFormats.money(amount);
  }

  private static String orDash(Object value) {
    return value == null ? "—" : value.toString();
  }

  /** FUN-3: the task module, at any stage and in any order. */
  public String requestAssignments(Long id, Map<String, Boolean> flags, Viewer viewer) {
    Deal deal = manageable(id, viewer);
    deal.requireOpen();
    List<String> unknown = new ArrayList<>(flags.keySet());
    unknown.removeAll(Assignments.TEAMS.keySet());
    if (!unknown.isEmpty()) {
      throw new DomainException(Kind.INVALID, "Неизвестные задания: " + unknown + ". Допустимы: " + Assignments.TEAMS.keySet());
    }
    if (flags.values().stream().noneMatch(Boolean.TRUE::equals)) {
      throw new DomainException(Kind.INVALID, "Отметьте хотя бы одно задание");
    }
    return processes.startAssignments(id, flags);
  }

  /** FUN-5: Заказ Импорт, Производство, Закупки can start at any stage. */
  public String startSideProcess(Long id, OrderKind kind, Viewer viewer) {
    Deal deal = manageable(id, viewer);
    deal.requireOpen();
    return processes.startSideProcess(id, kind);
  }

  private Deal manageable(Long id, Viewer viewer) {
    Deal deal = get(id, viewer);
    if (!viewer.mayManage(deal)) {
      throw new DomainException(Kind.FORBIDDEN, "Менять сделку №" + id + " может её ответственный или РОП");
    }
    deal.requireOpen();
    return deal;
  }

  private Counterparty resolveClient(NewDeal request, Viewer viewer) {
    if (request.counterpartyId() != null) {
      Counterparty existing = counterparties.findById(request.counterpartyId()).filter(c -> clients.maySee(c, viewer)).orElseThrow(
          () -> new DomainException(Kind.INVALID, "Контрагент №" + request.counterpartyId() + " не найден"));
      clients.requireMayOpenDeal(existing, viewer);
      return existing;
    }
    NewDeal.NewClient c = request.client();
    if (c == null || c.name() == null || c.name().isBlank()) {
      throw new DomainException(Kind.INVALID, "Укажите клиента: counterpartyId существующего или client.name нового");
    }
    Counterparty client = new Counterparty(c.name().trim(), TaxIds.requireInn(c.inn()), c.region());
    NewClientContact.add(client, c.contactName(), c.phone(), c.email());
    return counterparties.save(client);
  }
}
