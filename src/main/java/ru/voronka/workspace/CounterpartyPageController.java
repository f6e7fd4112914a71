package ru.voronka.workspace;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import ru.voronka.deals.ClientCards;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.DealViews;
import ru.voronka.deals.DealViews.DealSummary;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.Viewers;
import ru.voronka.directory.Contact;
import ru.voronka.directory.Counterparty;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Group;

/**
 * The counterparty card: requisites, contacts with every phone and e-mail, the deals, the chats
 * grouped by deal (WA-7) and the event feed — the last two loaded by {@link CommunicatorController}.
 * Those who may change the card ({@link ClientCards#mayChange}) get its forms; the РОП also picks
 * the card's responsible. The forms post to {@link ClientsController}.
 */
@Controller
class CounterpartyPageController {

  private static final Map<String, String> SAVED = Map.of("created", "Карточка клиента создана", "requisites", "Реквизиты сохранены",
      "responsible", "Ответственный назначен", "contact", "Контакт сохранён", "main", "Основной контакт выбран");

  private final Directory directory;
  private final DealRepository deals;
  private final ClientCards cards;

  CounterpartyPageController(Directory directory, DealRepository deals, ClientCards cards) {
    this.directory = directory;
    this.deals = deals;
    this.cards = cards;
  }

  public record ContactView(Long id, String fullName, String jobTitle, boolean main, List<String> phones, List<String> emails) {
    public String phonesText() {
      return String.join(", ", phones.stream().map(ru.voronka.directory.PhoneNumbers::display).toList());
    }

    public String emailsText() {
      return String.join(", ", emails);
    }
  }

  public record CardView(Long id, String name, String inn, String kpp, String ogrn, String region, String address, String responsible,
      String responsibleUserId, List<ContactView> contacts) {}

  @GetMapping("/counterparties/{id}")
  @Transactional(readOnly = true)
  String card(@PathVariable Long id, @RequestParam(required = false) String saved, Authentication auth, Model model) {
    Viewer viewer = Viewers.of(auth);
    Counterparty counterparty = cards.visible(id, viewer); // a manager does not learn of clients they have nothing to do with
    List<DealSummary> visible = deals.findByCounterparty(id).stream().filter(viewer::mayView).map(DealViews::summary).toList();
    model.addAttribute("card", new CardView(counterparty.getId(), counterparty.getName(), counterparty.getInn(), counterparty.getKpp(),
        counterparty.getOgrn(), counterparty.getRegion(), counterparty.getAddress(),
        counterparty.getResponsible() == null ? "не назначен" : counterparty.getResponsible().getFullName(),
        counterparty.getResponsible() == null ? "" : counterparty.getResponsible().getUserId(),
        counterparty.getContacts().stream().map(CounterpartyPageController::contact).toList()));
    model.addAttribute("deals", visible);
    boolean mayChange = cards.mayChange(counterparty, viewer);
    model.addAttribute("mayChange", mayChange);
    model.addAttribute("mayOpenDeal", mayChange || viewer.leadsSales());
    model.addAttribute("leadsSales", viewer.leadsSales());
    model.addAttribute("saved", saved == null ? null : SAVED.get(saved));
    model.addAttribute("managers", viewer.leadsSales()
        ? directory.members(Group.MANAGERS).stream().map(e -> new Option(e.getUserId(), e.getFullName())).toList()
        : List.<Option>of());
    return "workspace/counterparty";
  }

  private static ContactView contact(Contact c) {
    return new ContactView(c.getId(), c.getFullName(), c.getJobTitle(), c.isMain(), List.copyOf(c.getPhones()), List.copyOf(c.getEmails()));
  }
}
