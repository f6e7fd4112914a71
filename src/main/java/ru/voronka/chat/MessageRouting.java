package ru.voronka.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.deals.Deal;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
import ru.voronka.platform.audit.Audit;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * WA-1: whose inbox a client's message lands in. The deal's responsible — or, for a deal nobody has
 * taken, the responsible named in the counterparty's card — and everyone who receives that person's
 * messages by the delegation table; with nobody responsible at all, the «Без указания менеджера»
 * recipients. The leads of sales see every chat anyway; this is about whose inbox it is.
 */
@Service
@Transactional
public class MessageRouting {

  private final MessageDelegationRepository delegations;
  private final UnassignedRecipientRepository unassigned;
  private final Directory directory;
  private final Audit audit;

  MessageRouting(MessageDelegationRepository delegations, UnassignedRecipientRepository unassigned, Directory directory,
      Audit audit) {
    this.delegations = delegations;
    this.unassigned = unassigned;
    this.directory = directory;
    this.audit = audit;
  }

  /** The person a deal's client messages are routed to, or null. */
  static Employee routedPerson(Deal deal) {
    if (deal.getResponsible() != null) {
      return deal.getResponsible();
    }
    return deal.getCounterparty() == null ? null : deal.getCounterparty().getResponsible();
  }

  @Transactional(readOnly = true)
  public List<Employee> recipients(Deal deal) {
    Map<Long, Employee> recipients = new LinkedHashMap<>();
    Employee routed = routedPerson(deal);
    if (routed != null) {
      recipients.put(routed.getId(), routed);
      delegations.receiversFor(routed.getId()).forEach(e -> recipients.putIfAbsent(e.getId(), e));
    } else {
      unassigned.employees().forEach(e -> recipients.putIfAbsent(e.getId(), e));
    }
    return new ArrayList<>(recipients.values());
  }

  // ---- the settings table ----

  public record Delegation(Long id, String receiver, String source) {}

  @Transactional(readOnly = true)
  public List<Delegation> delegations() {
    return delegations.findAllWithPeople().stream()
        .map(g -> new Delegation(g.getId(), g.getReceiver().getFullName(), g.getSource().getFullName())).toList();
  }

  public void delegate(Viewer viewer, String receiverUserId, String sourceUserId) {
    requireLead(viewer);
    Employee receiver = employee(receiverUserId);
    Employee source = employee(sourceUserId);
    if (receiver.getId().equals(source.getId())) {
      throw new DomainException(Kind.INVALID, "Сотрудник и так получает свои сообщения");
    }
    if (delegations.find(receiver.getId(), source.getId()).isPresent()) {
      throw new DomainException(Kind.CONFLICT, receiver.getFullName() + " уже получает сообщения " + source.getFullName());
    }
    delegations.save(new MessageDelegation(receiver, source));
    audit.record(viewer.userId(), "MESSAGES_DELEGATED", "employee", source.getUserId(),
        receiver.getFullName() + " получает сообщения клиентов " + source.getFullName());
  }

  public void removeDelegation(Viewer viewer, Long id) {
    requireLead(viewer);
    MessageDelegation delegation = delegations.findById(id)
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Строка №" + id + " не найдена"));
    delegations.delete(delegation);
    audit.record(viewer.userId(), "MESSAGES_DELEGATION_REMOVED", "employee", delegation.getSource().getUserId(),
        delegation.getReceiver().getFullName() + " больше не получает сообщения " + delegation.getSource().getFullName());
  }

  @Transactional(readOnly = true)
  public List<Employee> unassignedRecipients() {
    return unassigned.employees();
  }

  public void addUnassignedRecipient(Viewer viewer, String userId) {
    requireLead(viewer);
    Employee employee = employee(userId);
    if (unassigned.findByEmployee(employee.getId()).isEmpty()) {
      unassigned.save(new UnassignedRecipient(employee));
      audit.record(viewer.userId(), "UNASSIGNED_RECIPIENT_ADDED", "employee", userId, employee.getFullName());
    }
  }

  public void removeUnassignedRecipient(Viewer viewer, String userId) {
    requireLead(viewer);
    Employee employee = employee(userId);
    unassigned.findByEmployee(employee.getId()).ifPresent(u -> {
      unassigned.delete(u);
      audit.record(viewer.userId(), "UNASSIGNED_RECIPIENT_REMOVED", "employee", userId, employee.getFullName());
    });
  }

  private Employee employee(String userId) {
    return directory.employee(userId).orElseThrow(() -> new DomainException(Kind.INVALID, "Сотрудник «" + userId + "» не найден"));
  }

  private static void requireLead(Viewer viewer) {
    if (!viewer.leadsSales()) {
      throw new DomainException(Kind.FORBIDDEN, "Маршрутизацию сообщений настраивают РОП и администраторы");
    }
  }
}
