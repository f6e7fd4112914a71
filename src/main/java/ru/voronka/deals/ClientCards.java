package ru.voronka.deals;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.directory.Contact;
import ru.voronka.directory.Counterparties;
import ru.voronka.directory.Counterparties.ContactCard;
import ru.voronka.directory.Counterparties.Duplicate;
import ru.voronka.directory.Counterparties.Requisites;
import ru.voronka.directory.Counterparty;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
import ru.voronka.directory.Group;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * Who may make and change a client card ({@link ClientAccess} says who sees it): the sales roles
 * make cards — a manager's new card is theirs; the card is changed by the manager who has the client
 * ({@link ClientAccess#managerOf}), or by anyone in sales while nobody has it, and by the РОП; the
 * card's responsible (whom the client's WhatsApp messages reach, WA-1) is set by the РОП only.
 */
@Service
@Transactional
public class ClientCards {

  private final Counterparties counterparties;
  private final ClientAccess access;
  private final Directory directory;

  ClientCards(Counterparties counterparties, ClientAccess access, Directory directory) {
    this.counterparties = counterparties;
    this.access = access;
    this.directory = directory;
  }

  /** A new card; {@code responsibleUserId} counts for the РОП only (a manager's card is their own). */
  public Counterparty create(Requisites requisites, ContactCard contact, String responsibleUserId, Viewer viewer) {
    requireSales(viewer);
    Employee responsible;
    if (viewer.leadsSales()) {
      responsible = responsibleUserId == null || responsibleUserId.isBlank() ? null : employee(responsibleUserId);
    } else {
      responsible = directory.employee(viewer.userId()).orElse(null);
    }
    return counterparties.create(requisites, contact, responsible);
  }

  public Counterparty edit(Long id, Requisites requisites, Viewer viewer) {
    mayChange(id, viewer);
    return counterparties.edit(id, requisites);
  }

  public Contact addContact(Long id, ContactCard contact, Viewer viewer) {
    mayChange(id, viewer);
    return counterparties.addContact(id, contact);
  }

  public Contact editContact(Long id, Long contactId, ContactCard contact, Viewer viewer) {
    mayChange(id, viewer);
    return counterparties.editContact(id, contactId, contact);
  }

  public Counterparty chooseMainContact(Long id, Long contactId, Viewer viewer) {
    mayChange(id, viewer);
    return counterparties.chooseMainContact(id, contactId);
  }

  public Counterparty assignResponsible(Long id, String userId, Viewer viewer) {
    Counterparty card = visible(id, viewer);
    if (!viewer.leadsSales()) {
      throw new DomainException(Kind.FORBIDDEN, "Ответственного по клиенту назначает РОП");
    }
    return counterparties.assignResponsible(card.getId(), userId == null || userId.isBlank() ? null : employee(userId));
  }

  @Transactional(readOnly = true)
  public List<Duplicate> duplicates(String inn, String kpp, List<String> phones, List<String> emails, Viewer viewer) {
    requireSales(viewer);
    return counterparties.duplicates(blankToNull(inn), blankToNull(kpp), phones, emails, null);
  }

  /** Whether the page should offer the forms that change the card. */
  @Transactional(readOnly = true)
  public boolean mayChange(Counterparty card, Viewer viewer) {
    if (!isSales(viewer) || !access.maySee(card, viewer)) {
      return false;
    }
    return viewer.leadsSales() || access.managerOf(card).map(m -> m.getUserId().equals(viewer.userId())).orElse(true);
  }

  /** The card as its viewer may see it; a manager does not learn of clients they have nothing to do with. */
  @Transactional(readOnly = true)
  public Counterparty visible(Long id, Viewer viewer) {
    return directory.counterparty(id).filter(c -> access.maySee(c, viewer))
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Контрагент №" + id + " не найден"));
  }

  private void mayChange(Long id, Viewer viewer) {
    Counterparty card = visible(id, viewer);
    requireSales(viewer);
    if (!mayChange(card, viewer)) {
      throw new DomainException(Kind.FORBIDDEN, "Клиента «" + card.getName() + "» ведёт "
          + access.managerOf(card).map(Employee::getFullName).orElse("другой менеджер") + ": карточку меняет он или РОП");
    }
  }

  private Employee employee(String userId) {
    return directory.employee(userId).filter(Employee::isActive)
        .orElseThrow(() -> new DomainException(Kind.INVALID, "Сотрудник «" + userId + "» не найден"));
  }

  private static boolean isSales(Viewer viewer) {
    return viewer.leadsSales() || viewer.groups().contains(Group.MANAGERS);
  }

  private static void requireSales(Viewer viewer) {
    if (!isSales(viewer)) {
      throw new DomainException(Kind.FORBIDDEN, "Карточки клиентов ведут менеджеры по продажам и РОП");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
