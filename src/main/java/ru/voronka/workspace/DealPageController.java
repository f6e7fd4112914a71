package ru.voronka.workspace;

import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.voronka.deals.Assignments;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealAction;
import ru.voronka.deals.DealCards;
import ru.voronka.deals.DealHistory;
import ru.voronka.deals.DealService;
import ru.voronka.deals.DealStage;
import ru.voronka.deals.DealViews.HistoryView;
import ru.voronka.deals.Funnel;
import ru.voronka.deals.KpImport;
import ru.voronka.deals.LostReason;
import ru.voronka.deals.OrderKind;
import ru.voronka.deals.StageRules;
import ru.voronka.deals.TaskDesk;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.Viewers;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Group;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;
import ru.voronka.documents.CompanySettings;
import ru.voronka.documents.DealDocuments;
import ru.voronka.documents.DocumentType;
import ru.voronka.whatsapp.DealGroups;

/**
 * The deal card (PLT-2, FUN-10): tabs Общее, История, Задачи, «Клиент WhatsApp», «ВС WhatsApp»,
 * Документы. A tab is a fragment (htmx swaps it in) and also part of the whole page ({@code ?tab=}),
 * so links and reloads land on it. The actions post to {@link DealService}, which decides; the
 * card shows what it answered.
 */
@Controller
@Transactional // one request, one transaction: the card reads what the command just did
class DealPageController {

  static final List<String> TABS = List.of("general", "history", "tasks", "client", "internal", "documents");

  private final DealService deals;
  private final DealCards cards;
  private final DealHistory history;
  private final Directory directory;
  private final DealGroups joinLinks;
  private final DealDocuments documents;
  private final CompanySettings company;
  private final TaskDesk tasks;
  private final KpImport kpImport;
  private final Clock clock;

  DealPageController(DealService deals, DealCards cards, DealHistory history, Directory directory, DealGroups joinLinks,
      DealDocuments documents, CompanySettings company, TaskDesk tasks, Clock clock, KpImport kpImport) {
    this.documents = documents;
    this.company = company;
    this.kpImport = kpImport;
    this.tasks = tasks;
    this.clock = clock;
    this.joinLinks = joinLinks;
    this.deals = deals;
    this.cards = cards;
    this.history = history;
    this.directory = directory;
  }

  @GetMapping("/deals/{id}")
  String page(@PathVariable Long id, @RequestParam(defaultValue = "general") String tab,
      @RequestParam(defaultValue = "0") int page, Authentication auth, Model model) {
    fill(id, TABS.contains(tab) ? tab : "general", page, Viewers.of(auth), model);
    return "workspace/deal";
  }

  @GetMapping("/deals/{id}/tab/{tab}")
  String tab(@PathVariable Long id, @PathVariable String tab, @RequestParam(defaultValue = "0") int page,
      Authentication auth, Model model) {
    if (!TABS.contains(tab)) {
      throw new DomainException(Kind.NOT_FOUND, "Нет такой вкладки: " + tab);
    }
    fill(id, tab, page, Viewers.of(auth), model);
    return "workspace/fragments/deal-tab";
  }

  @PostMapping("/deals/{id}/actions")
  String act(@PathVariable Long id, @RequestParam DealAction action, Authentication auth, Model model) {
    deals.act(id, action, Viewers.of(auth));
    return done(id, "Нажата кнопка «" + action.title() + "»: воронка переходит на стадию «" + action.target().title() + "»",
        auth, model);
  }

  @PostMapping("/deals/{id}/stage")
  String stage(@PathVariable Long id, @RequestParam(required = false) DealStage stage,
      @RequestParam(required = false) Long version, Authentication auth, Model model) {
    if (stage == null) {
      throw new DomainException(Kind.INVALID, "Выберите стадию");
    }
    deals.changeStage(id, stage, version, Viewers.of(auth));
    return done(id, "Стадия меняется на «" + stage.title() + "»", auth, model);
  }

  @PostMapping("/deals/{id}/loss")
  String lose(@PathVariable Long id, @RequestParam(required = false) LostReason reason,
      @RequestParam(required = false) String comment, Authentication auth, Model model) {
    deals.lose(id, reason, comment, Viewers.of(auth));
    return done(id, "Сделка проваливается: «" + reason.title() + "»", auth, model);
  }

  @PostMapping("/deals/{id}/responsible")
  String responsible(@PathVariable Long id, @RequestParam(required = false) String userId,
      @RequestParam(required = false) Long version, Authentication auth, Model model) {
    if (userId == null || userId.isBlank()) {
      throw new DomainException(Kind.INVALID, "Выберите нового ответственного");
    }
    deals.changeResponsible(id, userId, version, Viewers.of(auth));
    return done(id, "Ответственный изменён, открытые задачи перешли к нему", auth, model);
  }

  @PostMapping("/deals/{id}/assignments")
  String assignments(@PathVariable Long id, @RequestParam Map<String, String> form, Authentication auth, Model model) {
    Map<String, Boolean> flags = new LinkedHashMap<>();
    Assignments.TEAMS.keySet().forEach(flag -> {
      if (form.containsKey(flag)) {
        flags.put(flag, true);
      }
    });
    deals.requestAssignments(id, flags, Viewers.of(auth));
    return done(id, "Задания поставлены: " + flags.keySet().stream().map(Assignments.TEAMS::get).toList(), auth, model);
  }

  @PostMapping("/deals/{id}/orders")
  String order(@PathVariable Long id, @RequestParam(required = false) OrderKind kind, Authentication auth, Model model) {
    if (kind == null) {
      throw new DomainException(Kind.INVALID, "Выберите вид заказа");
    }
    deals.startSideProcess(id, kind, Viewers.of(auth));
    return done(id, "Запущен процесс «" + kind.title() + "»", auth, model);
  }

  /** The 1C КП replaces the deal's lines only when the manager confirms (issue 15). */
  @PostMapping("/deals/{id}/kp-proposal/accept")
  String acceptKp(@PathVariable Long id, @RequestParam(required = false) Long proposal, Authentication auth, Model model) {
    kpImport.accept(id, proposal, Viewers.of(auth));
    return done(id, "documents", "КП из 1С принято: строки, сумма и маржа сделки обновлены", auth, model);
  }

  @PostMapping("/deals/{id}/kp-proposal/decline")
  String declineKp(@PathVariable Long id, @RequestParam(required = false) Long proposal, Authentication auth, Model model) {
    kpImport.decline(id, proposal, Viewers.of(auth));
    return done(id, "documents", "КП из 1С отклонено: строки сделки оставлены", auth, model);
  }

  private String done(Long id, String tab, String message, Authentication auth, Model model) {
    fill(id, tab, 0, Viewers.of(auth), model);
    model.addAttribute("done", message);
    return "workspace/fragments/deal-tab";
  }

  private String done(Long id, String message, Authentication auth, Model model) {
    fill(id, "general", 0, Viewers.of(auth), model);
    model.addAttribute("done", message);
    return "workspace/fragments/deal-tab";
  }

  private void fill(Long id, String tab, int page, Viewer viewer, Model model) {
    Deal deal = deals.get(id, viewer);
    model.addAttribute("deal", cards.details(deal));
    model.addAttribute("tab", tab);
    model.addAttribute("mayManage", viewer.mayManage(deal) && deal.isOpen());
    model.addAttribute("mayTake", deal.isOpen() && deal.getResponsible() == null && deal.getFunnel() == Funnel.SALES);
    model.addAttribute("leadsSales", viewer.leadsSales());
    if (tab.equals("documents")) {
      model.addAttribute("joinLink", joinLinks.joinLink(id));
      model.addAttribute("documents", documents.versions(id));
      model.addAttribute("documentTypes", DocumentType.values());
      model.addAttribute("missingRequisites", company.current().missing());
      kpImport.proposal(id).ifPresent(p -> {
        model.addAttribute("kpProposal", p);
        model.addAttribute("proposedMargin", KpImport.marginFor(deal, p.getTotal()));
      });
    }
    if (tab.equals("tasks")) {
      model.addAttribute("dealTasks", tasks.ofDeal(id, viewer));
      model.addAttribute("now", Date.from(clock.instant()));
    }
    if (tab.equals("history")) {
      var entries = history.page(id, PageRequest.of(Math.max(page, 0), 25)).map(HistoryView::of);
      // People by their names, not their logins; the engine's own steps as «система».
      java.util.Map<String, String> actors = new java.util.HashMap<>();
      entries.forEach(h -> actors.computeIfAbsent(h.actor() == null ? "" : h.actor(), login -> login.isEmpty()
          || ru.voronka.platform.CurrentActor.SYSTEM.equals(login) ? "система"
          : directory.employee(login).map(ru.voronka.directory.Employee::getFullName).orElse(login)));
      model.addAttribute("history", entries);
      model.addAttribute("actors", actors);
    }
    if (tab.equals("general")) {
      // Only the buttons valid at this stage (issue 15); by hand, a manager is offered no move past an approval or a payment.
      model.addAttribute("actions", Option.of(StageRules.actions(deal), DealAction::title));
      model.addAttribute("stages", DealStage.manualTargets(deal.getFunnel()).stream()
          .filter(s -> s != deal.getStage())
          .filter(s -> viewer.leadsSales() || StageRules.passes(deal, s) == null)
          .map(s -> new Option(s.name(), s.title() + (StageRules.passes(deal, s) == null ? "" : " (минуя " + StageRules.passes(deal, s) + ")")))
          .toList());
      model.addAttribute("lostReasons", Option.of(LostReason.values(), LostReason::title));
      model.addAttribute("orderKinds", Option.of(OrderKind.values(), OrderKind::title));
      model.addAttribute("assignmentFlags", Assignments.TEAMS);
      model.addAttribute("managers", viewer.leadsSales()
          ? directory.members(Group.MANAGERS).stream().map(e -> new Option(e.getUserId(), e.getFullName())).toList()
          : List.<Option>of());
    }
  }
}
