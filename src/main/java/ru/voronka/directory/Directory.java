package ru.voronka.directory;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

  public Employee requireEmployee(String userId) {
    return employee(userId).orElseThrow(() -> new UnknownEmployeeException(userId));
  }

  public List<String> memberIds(Group group) {
    return identity.createUserQuery().memberOfGroup(group.id()).list().stream().map(u -> u.getId()).toList();
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

  public List<Counterparty> counterpartiesByPhone(String anySpelling) {
    String e164 = PhoneNumbers.normalize(anySpelling);
    return e164 == null ? List.of() : counterparties.findByPhone(e164);
  }
}
