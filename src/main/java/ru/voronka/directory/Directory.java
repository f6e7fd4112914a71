package ru.voronka.directory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import ru.voronka.platform.Refreshed;

/** The directory's public face: who an employee is, who belongs to a role, which client owns a phone. */
@Service
@Transactional(readOnly = true)
public class Directory {

  private final EmployeeRepository employees;
  private final CounterpartyRepository counterparties;
  private final IdentityService identity;

  Directory(EmployeeRepository employees, CounterpartyRepository counterparties, IdentityService identity) {
    this.employees = employees;
    this.counterparties = counterparties;
    this.identity = identity;
  }

  public Optional<Employee> employee(String userId) {
    return userId == null ? Optional.empty() : employees.findByUserId(userId);
  }

  /** Whose desk phone is this PBX extension (TEL-1). */
  public Optional<Employee> employeeByExtension(String extension) {
    return extension == null || extension.isBlank() ? Optional.empty() : employees.findByExtension(extension.strip());
  }

  /** Whose mobile this is (TEL-7: calls ring managers' mobiles through a carrier's trunk), any spelling. */
  public Optional<Employee> employeeByMobile(String anySpelling) {
    String e164 = PhoneNumbers.normalize(anySpelling);
    return e164 == null ? Optional.empty() : employees.findByMobilePhone(e164).stream().findFirst();
  }

  public Employee requireEmployee(String userId) {
    return employee(userId).orElseThrow(() -> new UnknownEmployeeException(userId));
  }

  /**
   * Who holds a role — asked with every client message (pop-ups, routing), so read from Camunda's
   * identity service at most every {@link #MEMBERS_FRESH_FOR} and at once after a hire here; a
   * membership changed in Camunda Admin counts within that time.
   */
  public List<String> memberIds(Group group) {
    return members.computeIfAbsent(group, g -> new Refreshed<>(MEMBERS_FRESH_FOR,
        () -> identity.createUserQuery().memberOfGroup(g.id()).list().stream().map(u -> u.getId()).toList())).get();
  }

  static final Duration MEMBERS_FRESH_FOR = Duration.ofSeconds(30);
  private final Map<Group, Refreshed<List<String>>> members = new ConcurrentHashMap<>();

  /**
   * Once the roles are committed; first of the listeners, because the caches built on the members
   * (the leads in ChatAccess, the routing queue) forget theirs on the same event and must re-read
   * fresh ones.
   */
  @TransactionalEventListener(fallbackExecution = true)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public void employeeHired(EmployeeHired event) {
    members.values().forEach(Refreshed::forget);
  }

  public List<Employee> members(Group group) {
    return employees.findByUserIdIn(memberIds(group));
  }

  public boolean isMember(String userId, Group group) {
    return identity.createUserQuery().userId(userId).memberOfGroup(group.id()).count() > 0;
  }

  public Optional<Counterparty> counterparty(Long id) {
    return id == null ? Optional.empty() : counterparties.findById(id);
  }

  /** TEL-4/TEL-6: the card of a new client who called, with their number and how ready they are to buy. */
  @Transactional
  public Counterparty registerCaller(String name, String contactName, String phone, Readiness readiness) {
    Counterparty client = new Counterparty(name.strip(), null, null);
    Contact contact = client.addContact(contactName == null || contactName.isBlank() ? "Контактное лицо" : contactName.strip(), null, true);
    String e164 = PhoneNumbers.normalize(phone);
    if (e164 != null) {
      contact.addPhone(e164);
    }
    client.markReadiness(readiness);
    return counterparties.save(client);
  }

  public List<Counterparty> counterpartiesByPhone(String anySpelling) {
    String e164 = PhoneNumbers.normalize(anySpelling);
    return e164 == null ? List.of() : counterparties.findByPhone(e164);
  }
}
