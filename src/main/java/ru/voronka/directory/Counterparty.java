package ru.voronka.directory;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ru.voronka.platform.time.Timestamped;
import ru.voronka.platform.time.WriteTimes;

/** A client company (контрагент) with its contacts and, possibly, its responsible manager. */
@Entity
@EntityListeners({WriteTimes.class, ClientChanges.class})
public class Counterparty implements Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** Optimistic locking: a card edited on two nodes at once keeps one edit and refuses the other (PLT-4). */
  @jakarta.persistence.Version
  private long version;

  private String name;
  private String inn;
  private String kpp;
  private String ogrn;
  private String region;
  private String address;

  @ManyToOne(fetch = FetchType.LAZY)
  private Employee responsible;

  @OneToMany(mappedBy = "counterparty", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("main desc, id")
  private List<Contact> contacts = new ArrayList<>();

  private Instant createdAt;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Readiness readiness;

  protected Counterparty() {}

  @Override
  public void created(Instant now) {
    createdAt = now;
  }

  public Counterparty(String name, String inn, String region) {
    this.name = name;
    this.inn = inn;
    this.region = region;
  }

  /** New requisites, already checked by {@link Counterparties}. */
  void edit(String name, String inn, String kpp, String ogrn, String region, String address) {
    this.name = name;
    this.inn = inn;
    this.kpp = kpp;
    this.ogrn = ogrn;
    this.region = region;
    this.address = address;
  }

  /** The one contact the client is written and called on first ({@link #phoneToWrite}). */
  void chooseMainContact(Long contactId) {
    Contact chosen = contact(contactId);
    contacts.forEach(c -> c.setMain(c == chosen));
  }

  Contact contact(Long contactId) {
    return contacts.stream().filter(c -> c.getId() != null && c.getId().equals(contactId)).findFirst()
        .orElseThrow(() -> new ru.voronka.platform.web.DomainException(ru.voronka.platform.web.DomainException.Kind.NOT_FOUND,
            "У контрагента «" + name + "» нет контакта №" + contactId));
  }

  public Contact addContact(String fullName, String jobTitle, boolean main) {
    if (main) {
      contacts.forEach(c -> c.setMain(false));
    }
    Contact contact = new Contact(this, fullName, jobTitle, main || contacts.isEmpty());
    contacts.add(contact);
    return contact;
  }

  /**
   * The number to write and call the client on — one rule for chats, the funnel's messages and
   * calls: the main contact's first number, else any contact's first.
   */
  public Optional<String> phoneToWrite() {
    return mainContact().map(Contact::getPhones).filter(phones -> !phones.isEmpty()).map(phones -> phones.get(0))
        .or(() -> contacts.stream().flatMap(c -> c.getPhones().stream()).findFirst());
  }

  /** Whether the number, in any spelling, is one of this client's contacts' — one rule for joins, admissions and routing. */
  public boolean hasNumber(String anySpelling) {
    String e164 = PhoneNumbers.normalize(anySpelling);
    return e164 != null && contacts.stream().flatMap(c -> c.getPhones().stream()).anyMatch(e164::equals);
  }

  /**
   * What the workspace's search finds this client's deals by, in lower case: the name, the ИНН, and each
   * contact's name, phones (E.164, so any run of their digits is found) and e-mails.
   */
  public String searchText() {
    StringBuilder text = new StringBuilder(name);
    if (inn != null) {
      text.append(' ').append(inn);
    }
    for (Contact contact : contacts) {
      text.append(' ').append(contact.getFullName());
      contact.getPhones().forEach(phone -> text.append(' ').append(phone));
      contact.getEmails().forEach(email -> text.append(' ').append(email));
    }
    return text.toString().toLowerCase(java.util.Locale.ROOT);
  }

  public Optional<Contact> mainContact() {
    return contacts.stream().filter(Contact::isMain).findFirst().or(() -> contacts.stream().findFirst());
  }

  public Readiness getReadiness() {
    return readiness;
  }

  public void markReadiness(Readiness readiness) {
    this.readiness = readiness;
  }

  public void assignResponsible(Employee employee) {
    this.responsible = employee;
  }

  public long getVersion() {
    return version;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getInn() {
    return inn;
  }

  public String getKpp() {
    return kpp;
  }

  public String getOgrn() {
    return ogrn;
  }

  public String getAddress() {
    return address;
  }

  public String getRegion() {
    return region;
  }

  public Employee getResponsible() {
    return responsible;
  }

  public List<Contact> getContacts() {
    return contacts;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
