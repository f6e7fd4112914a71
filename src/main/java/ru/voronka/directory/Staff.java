package ru.voronka.directory;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/** Hiring: an employee is a Camunda user (login, password, roles) plus the CRM card. */
@Service
@Transactional
public class Staff {

  private final IdentityService identity;
  private final EmployeeRepository employees;
  private final DepartmentRepository departments;
  private final PositionRepository positions;
  private final ApplicationEventPublisher events;
  private final TaskService tasks;

  Staff(IdentityService identity, EmployeeRepository employees, DepartmentRepository departments, PositionRepository positions,
      ApplicationEventPublisher events, TaskService tasks) {
    this.tasks = tasks;
    this.events = events;
    this.identity = identity;
    this.employees = employees;
    this.departments = departments;
    this.positions = positions;
  }

  public record NewEmployee(String userId, String password, String firstName, String lastName, String position,
      String department, List<Group> groups, String officePhone, String mobilePhone, String mobileCarrier, String email) {}

  public Employee hire(NewEmployee n) {
    // Camunda's own rule for user ids: letters and digits only.
    if (n.userId() == null || !n.userId().matches("[a-z][a-z0-9]{1,63}")) {
      throw new DomainException(Kind.INVALID, "Логин: латинские строчные буквы и цифры, от 2 символов, начинается с буквы");
    }
    if (n.password() == null || n.password().length() < 4) {
      throw new DomainException(Kind.INVALID, "Пароль не короче 4 символов");
    }
    if (n.lastName() == null || n.lastName().isBlank() || n.firstName() == null || n.firstName().isBlank()) {
      throw new DomainException(Kind.INVALID, "Укажите имя и фамилию");
    }
    if (n.mobilePhone() != null && !n.mobilePhone().isBlank()) {
      PhoneNumbers.require(n.mobilePhone()); // TEL-7 dials it through a carrier's trunk
    }
    if (employees.findByUserId(n.userId()).isPresent() || identity.createUserQuery().userId(n.userId()).count() > 0) {
      throw new DomainException(Kind.CONFLICT, "Пользователь «" + n.userId() + "» уже есть");
    }
    var user = identity.newUser(n.userId());
    user.setFirstName(n.firstName().trim());
    user.setLastName(n.lastName().trim());
    user.setEmail(n.email());
    user.setPassword(n.password());
    identity.saveUser(user);
    for (Group group : n.groups() == null ? List.<Group>of() : n.groups()) {
      identity.createMembership(n.userId(), group.id());
    }
    Position position = n.position() == null ? null
        : positions.findByName(n.position()).orElseGet(() -> positions.save(new Position(n.position())));
    Department department = n.department() == null ? null
        : departments.findByName(n.department()).orElseGet(() -> departments.save(new Department(n.department())));
    Employee employee = employees.save(new Employee(n.userId(), n.lastName().trim() + " " + n.firstName().trim(), position,
        department).withContacts(n.officePhone(), n.mobilePhone(), n.mobileCarrier(), n.email()));
    events.publishEvent(new EmployeeHired(employee.getId()));
    return employee;
  }

  /** Everybody with a card, the current first, with their Camunda groups: the administrator's staff page. */
  @Transactional(readOnly = true)
  public List<StaffMember> everyone() {
    return employees.findAll(org.springframework.data.domain.Sort.by("fullName")).stream()
        .sorted(java.util.Comparator.comparing((Employee e) -> !e.isActive()))
        .map(e -> new StaffMember(e, e.getPositionName(), e.getDepartment() == null ? null : e.getDepartment().getName(),
            identity.createGroupQuery().groupMember(e.getUserId()).list().stream()
                .map(g -> Group.byId(g.getId()).map(Group::title).orElse(g.getName() == null ? g.getId() : g.getName())).toList()))
        .toList();
  }

  public record StaffMember(Employee employee, String position, String department, List<String> groups) {}

  /**
   * Dismissal: the Camunda user stays (tasks and history name them) but loses every group and its
   * password, so they can no longer sign in (a remembered API login expires within 30 s); the card
   * is marked dismissed and the desk phone freed; their open tasks go back to their groups.
   */
  public Employee dismiss(String userId, String by) {
    Employee employee = employees.findByUserId(userId).orElseThrow(() -> new UnknownEmployeeException(userId));
    if (userId.equals(by)) {
      throw new DomainException(Kind.INVALID, "Уволить самого себя нельзя: это делает другой администратор");
    }
    if (!employee.isActive()) {
      throw new DomainException(Kind.CONFLICT, employee.getFullName() + " уже уволен(а)");
    }
    identity.createGroupQuery().groupMember(userId).list().forEach(g -> identity.deleteMembership(userId, g.getId()));
    var user = identity.createUserQuery().userId(userId).singleResult();
    if (user != null) {
      user.setPassword(java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID());
      identity.saveUser(user);
    }
    tasks.createTaskQuery().taskAssignee(userId).list().forEach(t -> tasks.setAssignee(t.getId(), null));
    employee.dismiss();
    events.publishEvent(new EmployeeDismissed(employee.getId(), userId));
    events.publishEvent(new ru.voronka.platform.SignInRevoked(userId));
    return employee;
  }

  /**
   * A user made in Camunda Admin has no card until they first sign in: then one is made from the
   * Camunda user (name, e-mail), so routing, chats and pickers know them.
   */
  public Optional<Employee> ensureCard(String userId) {
    if (userId == null || employees.findByUserId(userId).isPresent()) {
      return Optional.empty();
    }
    var user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return Optional.empty();
    }
    String name = ((user.getLastName() == null ? "" : user.getLastName()) + " " + (user.getFirstName() == null ? "" : user.getFirstName()))
        .strip();
    Employee employee = employees.save(new Employee(userId, name.isEmpty() ? userId : name, null, null)
        .withContacts(null, null, null, user.getEmail()));
    events.publishEvent(new EmployeeHired(employee.getId()));
    return Optional.of(employee);
  }

  /** TEL-1: the desk phone's extension on the PBX; one employee per extension. */
  public Employee assignExtension(String userId, String extension) {
    Employee employee = employees.findByUserId(userId).orElseThrow(() -> new UnknownEmployeeException(userId));
    String value = extension == null ? "" : extension.strip();
    if (!value.isEmpty() && !value.matches("\\d{2,6}")) {
      throw new DomainException(Kind.INVALID, "Внутренний номер — от 2 до 6 цифр");
    }
    employees.findByExtension(value).filter(other -> !other.getId().equals(employee.getId())).ifPresent(other -> {
      throw new DomainException(Kind.CONFLICT, "Доб. " + value + " уже у сотрудника " + other.getFullName());
    });
    Employee saved = employees.save(employee.useExtension(value));
    events.publishEvent(new DeskAssigned(userId, value));
    return saved;
  }
}
