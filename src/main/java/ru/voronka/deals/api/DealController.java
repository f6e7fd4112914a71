package ru.voronka.deals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.voronka.deals.Assignments;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealAction;
import ru.voronka.deals.DealCards;
import ru.voronka.deals.DealHistory;
import ru.voronka.deals.DealService;
import ru.voronka.deals.DealService.DealFilter;
import ru.voronka.deals.DealStage;
import ru.voronka.deals.DealStatus;
import ru.voronka.deals.DealViews;
import ru.voronka.deals.DealViews.Coded;
import ru.voronka.deals.DealViews.DealDetails;
import ru.voronka.deals.DealViews.DealSummary;
import ru.voronka.deals.DealViews.HistoryView;
import ru.voronka.deals.Funnel;
import ru.voronka.deals.LostReason;
import ru.voronka.deals.NewDeal;
import ru.voronka.deals.OrderKind;
import ru.voronka.deals.Viewers;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;
import ru.voronka.platform.web.PageView;

@Tag(name = "Сделки", description = "Воронка «Продажа»: сделки, стадии, действия, история")
@RestController
@Transactional // one request, one transaction: a refused command leaves nothing behind, and the answer reads what it did
@RequestMapping("/api/deals")
class DealController {

  private static final int MAX_PAGE_SIZE = 200;

  private final DealService deals;
  private final DealHistory history;
  private final DealCards cards;

  DealController(DealService deals, DealHistory history, DealCards cards) {
    this.deals = deals;
    this.history = history;
    this.cards = cards;
  }

  @Operation(summary = "Список сделок с фильтрами и постраничным выводом",
      description = "Менеджер видит свои сделки и новые заявки без ответственного; РОП и остальные роли — все.")
  @Transactional(readOnly = true)
  @GetMapping
  PageView<DealSummary> list(@RequestParam(required = false) Funnel funnel, @RequestParam(required = false) DealStage stage,
      @RequestParam(required = false) DealStatus status, @RequestParam(required = false) String responsible,
      @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size, Authentication auth) {
    var pageable = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE), Sort.by(Sort.Direction.DESC, "id"));
    return PageView.of(deals.search(new DealFilter(funnel, stage, status, responsible, q), Viewers.of(auth), pageable),
        DealViews::summary);
  }

  @Operation(summary = "Создать сделку: запускает воронку «Продажа» со стадии «Новая заявка»")
  @PostMapping
  ResponseEntity<DealDetails> create(@RequestBody NewDeal request, Authentication auth) {
    Deal deal = deals.create(request, Viewers.of(auth));
    return ResponseEntity.created(URI.create("/api/deals/" + deal.getId())).body(details(deal));
  }

  @Operation(summary = "Карточка сделки: поля, открытые задачи, заказы, график оплаты, КП, задания в 1С")
  @Transactional(readOnly = true)
  @GetMapping("/{id}")
  DealDetails get(@PathVariable Long id, Authentication auth) {
    return details(deals.get(id, Viewers.of(auth)));
  }

  @Operation(summary = "История сделки: каждая смена стадии, задача, сообщение и действие, новые сверху")
  @Transactional(readOnly = true)
  @GetMapping("/{id}/history")
  PageView<HistoryView> history(@PathVariable Long id, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size, Authentication auth) {
    deals.get(id, Viewers.of(auth));
    return PageView.of(history.page(id, PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE))),
        HistoryView::of);
  }

  /** {@code version}: the deal's version the caller saw (from its card); a newer deal refuses with 409. */
  record StageChange(DealStage stage, Long version) {}

  @Operation(summary = "Сменить стадию вручную; воронка переходит на выбранную стадию")
  @PostMapping("/{id}/stage")
  @ResponseStatus(HttpStatus.ACCEPTED)
  DealDetails changeStage(@PathVariable Long id, @RequestBody StageChange request, Authentication auth) {
    if (request == null || request.stage() == null) {
      throw new DomainException(Kind.INVALID, "Укажите стадию: " + Arrays.toString(DealStage.values()));
    }
    return details(deals.changeStage(id, request.stage(), request.version(), Viewers.of(auth)));
  }

  @Operation(summary = "Кнопка действия: переводит сделку на связанную стадию (например, «Оплачено» → «Запуск реализации»)")
  @PostMapping("/{id}/actions/{action}")
  @ResponseStatus(HttpStatus.ACCEPTED)
  DealDetails act(@PathVariable Long id, @PathVariable DealAction action, Authentication auth) {
    return details(deals.act(id, action, Viewers.of(auth)));
  }

  record Loss(LostReason reason, String comment) {}

  @Operation(summary = "Провалить сделку с причиной; для «Другое» комментарий обязателен")
  @PostMapping("/{id}/loss")
  @ResponseStatus(HttpStatus.ACCEPTED)
  DealDetails lose(@PathVariable Long id, @RequestBody Loss request, Authentication auth) {
    return details(deals.lose(id, request.reason(), request.comment(), Viewers.of(auth)));
  }

  @Operation(summary = "Изменить поля сделки: название, сумма, маржа, направление, приоритет, срок поставки",
      description = "Меняет ответственный или РОП; каждое изменение — строка истории сделки. Передаются все поля: пустое стирает значение.")
  @PutMapping("/{id}/fields")
  DealDetails editFields(@PathVariable Long id, @RequestBody DealService.DealFields request, Authentication auth) {
    if (request == null) {
      throw new DomainException(Kind.INVALID, "Укажите поля сделки");
    }
    return details(deals.editFields(id, request, Viewers.of(auth)));
  }

  /** {@code version}: the deal's version the caller saw (from its card); a newer deal refuses with 409. */
  record Responsible(String userId, Long version) {}

  @Operation(summary = "Передать сделку другому ответственному: открытые задачи переходят к нему")
  @PutMapping("/{id}/responsible")
  DealDetails changeResponsible(@PathVariable Long id, @RequestBody Responsible request, Authentication auth) {
    if (request == null || request.userId() == null || request.userId().isBlank()) {
      throw new DomainException(Kind.INVALID, "Укажите userId нового ответственного");
    }
    return details(deals.changeResponsible(id, request.userId(), request.version(), Viewers.of(auth)));
  }

  record Started(String processInstanceId) {}

  @Operation(summary = "Модуль заданий: поставить задания инженерам, закупщикам, логистике, производству, юристу, метрологу",
      description = "Тело — флаги needEngineers, needPurchasers, needLogistics, needProduction, needLawyer, needMetrologist.")
  @PostMapping("/{id}/assignments")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Started assignments(@PathVariable Long id, @RequestBody Map<String, Boolean> flags, Authentication auth) {
    return new Started(deals.requestAssignments(id, flags, Viewers.of(auth)));
  }

  record OrderRequest(OrderKind kind) {}

  @Operation(summary = "Запустить боковой процесс: Заказ Импорт (IMPORT), Производство (PRODUCTION), Закупки (PROCUREMENT)")
  @PostMapping("/{id}/orders")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Started startOrder(@PathVariable Long id, @RequestBody OrderRequest request, Authentication auth) {
    if (request == null || request.kind() == null) {
      throw new DomainException(Kind.INVALID, "Укажите вид заказа: IMPORT, PRODUCTION или PROCUREMENT");
    }
    return new Started(deals.startSideProcess(id, request.kind(), Viewers.of(auth)));
  }

  record Reference(List<Coded> stages, List<Coded> actions, List<Coded> lostReasons, List<Coded> orderKinds,
      List<String> assignmentFlags) {}

  @Operation(summary = "Справочники: стадии, кнопки действий, причины провала, виды заказов, флаги модуля заданий")
  @Transactional(readOnly = true)
  @GetMapping("/reference")
  Reference reference() {
    return new Reference(
        Arrays.stream(DealStage.values()).map(s -> new Coded(s.name(), s.title())).toList(),
        Arrays.stream(DealAction.values()).map(a -> new Coded(a.name(), a.title())).toList(),
        Arrays.stream(LostReason.values()).map(r -> new Coded(r.name(), r.title())).toList(),
        Arrays.stream(OrderKind.values()).map(k -> new Coded(k.name(), k.title())).toList(),
        List.copyOf(Assignments.TEAMS.keySet()));
  }

  private DealDetails details(Deal deal) {
    return cards.details(deal);
  }
}
