package ru.voronka.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * Client cards as data: requisites checked by their check digits ({@link TaxIds}), phones in E.164,
 * e-mails in lower case, and no second card for a client already known by its ИНН (a branch with
 * its own КПП is another card), a phone or an e-mail. Who may do it is the caller's rule (the deals
 * module's {@code ClientCards}).
 */
@Service
@Transactional
public class Counterparties {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final CounterpartyRepository counterparties;

  Counterparties(CounterpartyRepository counterparties) {
    this.counterparties = counterparties;
  }

  /** What a card says of the company. */
  public record Requisites(String name, String inn, String kpp, String ogrn, String region, String address) {}

  /** What a card says of a person; phones and e-mails as typed, one per element. */
  public record ContactCard(String fullName, String jobTitle, List<String> phones, List<String> emails, boolean main) {}

  /** A card that already has what a new one would: offered instead. */
  public record Duplicate(Long id, String name, String responsible, String reason) {}

  /** Refused because the client is already known; {@link #duplicates()} are the cards to open instead. */
  public static class DuplicateClientException extends DomainException {
    private final List<Duplicate> duplicates;

    DuplicateClientException(List<Duplicate> duplicates) {
      super(Kind.CONFLICT, "Такой клиент уже есть: " + duplicates.stream()
          .map(d -> "№" + d.id() + " «" + d.name() + "» (" + d.reason() + ")").reduce((a, b) -> a + "; " + b).orElse("")
          + ". Откройте существующую карточку вместо новой");
      this.duplicates = List.copyOf(duplicates);
    }

    public List<Duplicate> duplicates() {
      return duplicates;
    }
  }

  public Counterparty create(Requisites requisites, ContactCard first, Employee responsible) {
    Requisites checked = check(requisites);
    ContactCard contact = first == null || isBlank(first.fullName()) && empty(first.phones()) && empty(first.emails()) ? null : check(first);
    requireNew(checked, contact == null ? List.of() : contact.phones(), contact == null ? List.of() : contact.emails(), null);
    Counterparty client = new Counterparty(checked.name(), checked.inn(), checked.region());
    client.edit(checked.name(), checked.inn(), checked.kpp(), checked.ogrn(), checked.region(), checked.address());
    if (contact != null) {
      fill(client.addContact(contact.fullName(), contact.jobTitle(), true), contact);
    }
    if (responsible != null) {
      client.assignResponsible(responsible);
    }
    return counterparties.save(client);
  }

  public Counterparty edit(Long id, Requisites requisites) {
    Counterparty client = require(id);
    Requisites checked = check(requisites);
    requireNew(checked, List.of(), List.of(), id);
    client.edit(checked.name(), checked.inn(), checked.kpp(), checked.ogrn(), checked.region(), checked.address());
    return client;
  }

  public Contact addContact(Long counterpartyId, ContactCard card) {
    Counterparty client = require(counterpartyId);
    ContactCard checked = check(card);
    requireNew(null, checked.phones(), checked.emails(), counterpartyId);
    requireNoTwin(client, checked, null);
    Contact contact = client.addContact(checked.fullName(), checked.jobTitle(), checked.main());
    fill(contact, checked);
    counterparties.flush();
    return contact;
  }

  public Contact editContact(Long counterpartyId, Long contactId, ContactCard card) {
    Counterparty client = require(counterpartyId);
    Contact contact = client.contact(contactId);
    ContactCard checked = check(card);
    requireNew(null, checked.phones(), checked.emails(), counterpartyId);
    requireNoTwin(client, checked, contactId);
    contact.edit(checked.fullName(), checked.jobTitle());
    contact.replacePhones(checked.phones());
    contact.replaceEmails(checked.emails());
    if (checked.main()) {
      client.chooseMainContact(contactId);
    }
    return contact;
  }

  public Counterparty chooseMainContact(Long counterpartyId, Long contactId) {
    Counterparty client = require(counterpartyId);
    client.chooseMainContact(contactId);
    return client;
  }

  public Counterparty assignResponsible(Long counterpartyId, Employee responsible) {
    Counterparty client = require(counterpartyId);
    client.assignResponsible(responsible);
    return client;
  }

  /** The cards a new one would repeat: the same ИНН (and КПП), any of the phones or e-mails; {@code except} is the card being edited. */
  @Transactional(readOnly = true)
  public List<Duplicate> duplicates(String inn, String kpp, List<String> phones, List<String> emails, Long except) {
    Map<Long, Duplicate> found = new LinkedHashMap<>();
    String checkedInn = inn == null ? null : TaxIds.requireInn(inn);
    String checkedKpp = kpp == null ? null : TaxIds.requireKpp(kpp);
    if (checkedInn != null) {
      counterparties.findByInn(checkedInn).stream()
          .filter(c -> checkedKpp == null || c.getKpp() == null || checkedKpp.equals(c.getKpp()))
          .forEach(c -> add(found, c, "тот же ИНН " + checkedInn, except));
    }
    for (String phone : phones == null ? List.<String>of() : phones) {
      String e164 = PhoneNumbers.normalize(phone);
      if (e164 != null) {
        counterparties.findByPhone(e164).forEach(c -> add(found, c, "тот же телефон " + PhoneNumbers.display(e164), except));
      }
    }
    for (String email : emails == null ? List.<String>of() : emails) {
      if (!isBlank(email)) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        counterparties.findByEmail(address).forEach(c -> add(found, c, "тот же e-mail " + address, except));
      }
    }
    return new ArrayList<>(found.values());
  }

  private void requireNew(Requisites requisites, List<String> phones, List<String> emails, Long except) {
    List<Duplicate> found = duplicates(requisites == null ? null : requisites.inn(), requisites == null ? null : requisites.kpp(),
        phones, emails, except);
    if (!found.isEmpty()) {
      throw new DuplicateClientException(found);
    }
  }

  /** Within one card a number or an address belongs to one person. */
  private static void requireNoTwin(Counterparty client, ContactCard card, Long except) {
    for (Contact other : client.getContacts()) {
      if (Objects.equals(other.getId(), except)) {
        continue;
      }
      card.phones().stream().filter(other.getPhones()::contains).findFirst().ifPresent(p -> {
        throw new DomainException(Kind.CONFLICT, "Номер " + PhoneNumbers.display(p) + " уже у контакта «" + other.getFullName() + "»");
      });
      card.emails().stream().filter(other.getEmails()::contains).findFirst().ifPresent(e -> {
        throw new DomainException(Kind.CONFLICT, "E-mail " + e + " уже у контакта «" + other.getFullName() + "»");
      });
    }
  }

  private static void add(Map<Long, Duplicate> found, Counterparty c, String reason, Long except) {
    if (!c.getId().equals(except)) {
      found.putIfAbsent(c.getId(), new Duplicate(c.getId(), c.getName(),
          c.getResponsible() == null ? null : c.getResponsible().getFullName(), reason));
    }
  }

  private static void fill(Contact contact, ContactCard card) {
    card.phones().forEach(contact::addPhone);
    card.emails().forEach(contact::addEmail);
  }

  private Counterparty require(Long id) {
    return counterparties.findById(id).orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Контрагент №" + id + " не найден"));
  }

  static Requisites check(Requisites r) {
    if (r == null || isBlank(r.name())) {
      throw new DomainException(Kind.INVALID, "Укажите название контрагента");
    }
    String name = r.name().strip().replaceAll("\\s+", " ");
    if (name.length() > 300) {
      throw new DomainException(Kind.INVALID, "Название контрагента — не длиннее 300 знаков");
    }
    String inn = TaxIds.requireInn(r.inn());
    String kpp = TaxIds.requireKpp(r.kpp());
    String ogrn = TaxIds.requireOgrn(r.ogrn());
    TaxIds.requireConsistent(inn, kpp, ogrn);
    return new Requisites(name, inn, kpp, ogrn, trimmed(r.region(), 200, "Регион"), trimmed(r.address(), 500, "Адрес"));
  }

  static ContactCard check(ContactCard card) {
    if (card == null || isBlank(card.fullName())) {
      throw new DomainException(Kind.INVALID, "Укажите имя контакта — как к нему обращаться");
    }
    List<String> phones = (card.phones() == null ? List.<String>of() : card.phones()).stream().filter(p -> !isBlank(p))
        .map(PhoneNumbers::require).distinct().toList();
    List<String> emails = (card.emails() == null ? List.<String>of() : card.emails()).stream().filter(e -> !isBlank(e))
        .map(e -> e.strip().toLowerCase(Locale.ROOT)).distinct().toList();
    emails.stream().filter(e -> !EMAIL.matcher(e).matches()).findFirst().ifPresent(e -> {
      throw new DomainException(Kind.INVALID, "«" + e + "» — не адрес электронной почты, например zakaz@example.ru");
    });
    return new ContactCard(card.fullName().strip().replaceAll("\\s+", " "), trimmed(card.jobTitle(), 200, "Должность"), phones, emails,
        card.main());
  }

  private static String trimmed(String value, int max, String field) {
    if (isBlank(value)) {
      return null;
    }
    String v = value.strip();
    if (v.length() > max) {
      throw new DomainException(Kind.INVALID, field + " — не длиннее " + max + " знаков");
    }
    return v;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static boolean empty(List<String> values) {
    return values == null || values.stream().allMatch(Counterparties::isBlank);
  }
}
