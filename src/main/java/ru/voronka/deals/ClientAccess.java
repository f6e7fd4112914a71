package ru.voronka.deals;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.directory.Counterparty;
import ru.voronka.directory.Employee;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * Whose client is whose — one rule for the pages, the API and the start forms. A sales manager sees a
 * counterparty whose card names them responsible or that has a deal they may see (their own, or a
 * new one nobody has taken); the leads of sales and the other roles see all. A client belongs to the
 * card's responsible, else to the responsible of its latest open deal; only they (or the РОП) open a
 * new deal on it.
 */
@Service
@Transactional(readOnly = true)
public class ClientAccess {

  private final DealRepository deals;
  private final ClientRepository clients;

  ClientAccess(DealRepository deals, ClientRepository clients) {
    this.deals = deals;
    this.clients = clients;
  }

  public boolean maySee(Counterparty counterparty, Viewer viewer) {
    return viewer.seesAllDeals() || isResponsible(counterparty.getResponsible(), viewer)
        || deals.findByCounterparty(counterparty.getId()).stream().anyMatch(viewer::mayView);
  }

  /** The counterparties a viewer may see, by name, ИНН, a contact's name, phone (any spelling) or e-mail. */
  public Page<Counterparty> search(String q, Viewer viewer, Pageable pageable) {
    String query = q == null || q.isBlank() ? "" : q.strip();
    // Never null: PostgreSQL cannot type a null parameter used only with LIKE (it is bound as bytea).
    String digits = java.util.Objects.requireNonNullElse(ru.voronka.directory.PhoneNumbers.searchDigits(query), "");
    return viewer.seesAllDeals() ? clients.search(query, digits, pageable)
        : clients.searchVisibleTo(query, digits, viewer.userId(), pageable);
  }

  /** @throws DomainException FORBIDDEN when the client is a colleague's */
  public void requireMayOpenDeal(Counterparty counterparty, Viewer viewer) {
    if (viewer.leadsSales()) {
      return;
    }
    Optional<Employee> manager = managerOf(counterparty);
    if (manager.isPresent() && !manager.get().getUserId().equals(viewer.userId())) {
      throw new DomainException(Kind.FORBIDDEN, "Клиента «" + counterparty.getName() + "» ведёт " + manager.get().getFullName()
          + ": новую сделку по нему открывает он или РОП");
    }
  }

  /** The card's responsible, else the responsible of the client's latest open deal. */
  public Optional<Employee> managerOf(Counterparty counterparty) {
    if (counterparty.getResponsible() != null) {
      return Optional.of(counterparty.getResponsible());
    }
    return deals.findByCounterparty(counterparty.getId()).stream()
        .filter(Deal::isOpen).filter(d -> d.getResponsible() != null)
        .max(java.util.Comparator.comparing(Deal::getUpdatedAt))
        .map(Deal::getResponsible);
  }

  private static boolean isResponsible(Employee responsible, Viewer viewer) {
    return responsible != null && responsible.getUserId().equals(viewer.userId());
  }
}
