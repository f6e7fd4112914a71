package ru.voronka.workspace;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import ru.voronka.deals.ClientAccess;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.DealViews;
import ru.voronka.deals.DealViews.DealSummary;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.Viewers;
import ru.voronka.directory.Contact;
import ru.voronka.directory.Counterparty;
import ru.voronka.directory.Directory;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * The counterparty card: contacts with every phone and e-mail, the deals, the chats grouped by
 * deal (WA-7) and the event feed — the last two loaded by {@link CommunicatorController}.
 */
@Controller
class CounterpartyPageController {

  private final Directory directory;
  private final DealRepository deals;
  private final ClientAccess clients;

  CounterpartyPageController(Directory directory, DealRepository deals, ClientAccess clients) {
    this.directory = directory;
    this.deals = deals;
    this.clients = clients;
  }

  public record ContactView(String fullName, String jobTitle, boolean main, List<String> phones, List<String> emails) {}

  public record CardView(Long id, String name, String inn, String region, String responsible, List<ContactView> contacts) {}

  @GetMapping("/counterparties/{id}")
  @Transactional(readOnly = true)
  String card(@PathVariable Long id, Authentication auth, Model model) {
    Viewer viewer = Viewers.of(auth);
    Counterparty counterparty = directory.counterparty(id).orElseThrow(() -> notFound(id));
    if (!clients.maySee(counterparty, viewer)) {
      throw notFound(id); // a manager does not learn of clients they have nothing to do with
    }
    List<DealSummary> visible = deals.findByCounterparty(id).stream().filter(viewer::mayView).map(DealViews::summary).toList();
    model.addAttribute("card", new CardView(counterparty.getId(), counterparty.getName(), counterparty.getInn(),
        counterparty.getRegion(), counterparty.getResponsible() == null ? "не назначен" : counterparty.getResponsible().getFullName(),
        counterparty.getContacts().stream().map(CounterpartyPageController::contact).toList()));
    model.addAttribute("deals", visible);
    return "workspace/counterparty";
  }

  private static ContactView contact(Contact c) {
    return new ContactView(c.getFullName(), c.getJobTitle(), c.isMain(), List.copyOf(c.getPhones()), List.copyOf(c.getEmails()));
  }

  private static DomainException notFound(Long id) {
    return new DomainException(Kind.NOT_FOUND, "Контрагент №" + id + " не найден");
  }
}
