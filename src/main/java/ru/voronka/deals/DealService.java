package ru.voronka.deals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.deals.process.DealProcesses;
import ru.voronka.directory.Counterparty;
import ru.voronka.directory.CounterpartyRepository;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
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

  DealService(DealRepository deals, CounterpartyRepository counterparties, Directory directory, DealHistory history,
      DealProcesses processes, ApplicationEventPublisher events, ClientAccess clients) {
    this.clients = clients;
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

  @Transactional(readOnly = true)
  public Page<Deal> search(DealFilter filter, Viewer viewer, Pageable pageable) {
    return deals.search(filter.funnel(), filter.stage(), filter.status(), filter.responsible(),
        viewer.seesAllDeals() ? null : viewer.userId(), filter.q() == null || filter.q().isBlank() ? null : filter.q().trim(),
        pageable);
  }

  public record DealFilter(Funnel funnel, DealStage stage, DealStatus status, String responsible, String q) {}

  /** FUN-10: a stage chosen by hand; the funnel leaves the current stage and enters the chosen one. */
  public Deal changeStage(Long id, DealStage target, Viewer viewer) {
    Deal deal = manageable(id, viewer);
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
    Deal deal = manageable(id, viewer);
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
    Counterparty client = new Counterparty(c.name().trim(), c.inn(), c.region());
    if (c.inn() != null && !c.inn().matches("\\d{10}|\\d{12}")) {
      throw new DomainException(Kind.INVALID, "ИНН должен состоять из 10 или 12 цифр");
    }
    var contact = client.addContact(c.contactName() == null || c.contactName().isBlank() ? c.name().trim() : c.contactName().trim(),
        null, true);
    if (c.phone() != null && !c.phone().isBlank()) {
      contact.addPhone(c.phone());
    }
    if (c.email() != null && !c.email().isBlank()) {
      contact.addEmail(c.email());
    }
    return counterparties.save(client);
  }
}
