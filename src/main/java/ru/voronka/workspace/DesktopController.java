package ru.voronka.workspace;

import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.voronka.chat.CounterpartyChats;
import ru.voronka.deals.DealService;
import ru.voronka.deals.DealService.DealFilter;
import ru.voronka.deals.DealStage;
import ru.voronka.deals.DealStatus;
import ru.voronka.deals.DealViews;
import ru.voronka.deals.DealViews.DealSummary;
import ru.voronka.deals.Funnel;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.Viewers;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
import ru.voronka.directory.Group;

/** The desktop (PLT-2): the deals a user works on, with filters, search, pages and the new-messages mark (WA-5). */
@Controller
class DesktopController {

  static final int PAGE_SIZE = 20;
  /** A search counts up to here and shows «более 1 000» beyond: nobody pages through a thousand deals. */
  static final int COUNT_CAP = 1000;

  private final DealService deals;
  private final CounterpartyChats counterpartyChats;
  private final Directory directory;

  DesktopController(DealService deals, CounterpartyChats counterpartyChats, Directory directory) {
    this.deals = deals;
    this.counterpartyChats = counterpartyChats;
    this.directory = directory;
  }

  @GetMapping("/")
  @Transactional(readOnly = true) // the rows read the deals' clients and responsibles
  String desktop(@RequestParam(required = false) DealStage stage, @RequestParam(required = false) DealStatus status,
      @RequestParam(required = false) String responsible, @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page, Authentication auth, Model model) {
    Viewer viewer = Viewers.of(auth);
    String search = q == null || q.isBlank() ? null : q.trim();
    String who = viewer.seesAllDeals() && responsible != null && !responsible.isBlank() ? responsible : null;
    Page<DealSummary> found = deals.search(new DealFilter(null, stage, status, who, search), viewer,
        PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by(Sort.Direction.DESC, "id"))),
        COUNT_CAP).map(DealViews::summary);
    Set<Long> withNewMessages = counterpartyChats.dealsWithNewClientMessages(found.getContent().stream().map(DealSummary::id).toList());
    model.addAttribute("deals", found);
    model.addAttribute("countCapped", found.getTotalElements() > COUNT_CAP);
    model.addAttribute("countCap", COUNT_CAP);
    model.addAttribute("newMessages", List.copyOf(withNewMessages));
    model.addAttribute("stages", Option.of(DealStage.values(), s -> (s.funnel() == Funnel.SALES ? "" : "Инженеры: ") + s.title()));
    model.addAttribute("statuses", Option.of(DealStatus.values(), DealStatus::title));
    model.addAttribute("managers", viewer.seesAllDeals()
        ? directory.members(Group.MANAGERS).stream().map(e -> new Option(e.getUserId(), e.getFullName())).toList()
        : List.<Option>of());
    model.addAttribute("filter", new Filter(stage == null ? "" : stage.name(), status == null ? "" : status.name(),
        who == null ? "" : who, search == null ? "" : search));
    model.addAttribute("seesAll", viewer.seesAllDeals());
    model.addAttribute("myName", directory.employee(viewer.userId()).map(Employee::getFullName).orElse(viewer.userId()));
    return "workspace/desktop";
  }

  /** The filters as typed, for the form and the pager's links. */
  public record Filter(String stage, String status, String responsible, String q) {

    public String query() {
      StringBuilder query = new StringBuilder("/?");
      append(query, "stage", stage);
      append(query, "status", status);
      append(query, "responsible", responsible);
      append(query, "q", q);
      return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
      if (!value.isEmpty()) {
        query.append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)).append('&');
      }
    }
  }
}
