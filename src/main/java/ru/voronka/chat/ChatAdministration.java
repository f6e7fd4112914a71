package ru.voronka.chat;

import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealCreated;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.DepartmentRepository;
import ru.voronka.directory.Employee;
import ru.voronka.directory.EmployeeHired;
import ru.voronka.directory.EmployeeRepository;
import ru.voronka.directory.Group;
import ru.voronka.directory.PositionRepository;
import ru.voronka.platform.audit.Audit;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * Setting chats up (COM-1): an employee's personal chats with every colleague, made when they are
 * hired and, by an administrator, for all current employees at once; group chats and their
 * «Адресация» (who may see them).
 */
@Service
@Transactional
public class ChatAdministration {

  private final ChatFinder finder;
  private final ChatRepository chatRepository;
  private final ChatAccessRuleRepository rules;
  private final EmployeeRepository employees;
  private final PositionRepository positions;
  private final DepartmentRepository departments;
  private final Audit audit;
  private final DealRepository deals;

  ChatAdministration(ChatFinder finder, ChatRepository chatRepository, ChatAccessRuleRepository rules,
      EmployeeRepository employees, PositionRepository positions, DepartmentRepository departments, Audit audit,
      DealRepository deals) {
    this.deals = deals;
    this.finder = finder;
    this.chatRepository = chatRepository;
    this.rules = rules;
    this.employees = employees;
    this.positions = positions;
    this.departments = departments;
    this.audit = audit;
  }

  /** A new employee can write to every colleague from day one. */
  @EventListener
  public void employeeHired(EmployeeHired event) {
    Employee hired = employees.findById(event.employeeId()).orElseThrow();
    employees.findAll().stream()
        .filter(Employee::isActive)
        .filter(e -> !e.getId().equals(hired.getId()))
        .forEach(e -> finder.personalChat(hired, e));
  }

  /** WA-3: a deal comes with its client group («Клиент WhatsApp») and its internal group («ВС WhatsApp»). */
  @EventListener
  public void dealCreated(DealCreated event) {
    Deal deal = deals.findById(event.dealId()).orElseThrow();
    finder.dealChat(deal, ChatKind.DEAL_CLIENT);
    finder.dealChat(deal, ChatKind.DEAL_INTERNAL);
  }

  /** «Создать чаты сотрудников»: the personal chats missing between current employees; returns how many were made. */
  public int createPersonalChats(Viewer viewer) {
    requireAdmin(viewer);
    List<Employee> current = employees.findAll().stream().filter(Employee::isActive).toList();
    int made = 0;
    for (int i = 0; i < current.size(); i++) {
      for (int j = i + 1; j < current.size(); j++) {
        if (chatRepository.findByPairKey(Chat.pairKey(current.get(i), current.get(j))).isEmpty()) {
          finder.personalChat(current.get(i), current.get(j));
          made++;
        }
      }
    }
    audit.record(viewer.userId(), "PERSONAL_CHATS_CREATED", "chat", "personal", "Создано личных чатов: " + made);
    return made;
  }

  /** A group chat; with no rules it is open to every employee. */
  public Long createGroup(Viewer viewer, String title, List<Long> employeeIds, List<Long> positionIds,
      List<Long> departmentIds) {
    requireAdmin(viewer);
    if (title == null || title.isBlank()) {
      throw new DomainException(Kind.INVALID, "Укажите название группового чата");
    }
    Chat chat = chatRepository.save(Chat.group(title.strip()));
    for (Long id : nullSafe(employeeIds)) {
      rules.save(new ChatAccessRule(chat, employees.findById(id).orElseThrow(() -> unknown("Сотрудник", id)), null, null));
    }
    for (Long id : nullSafe(positionIds)) {
      rules.save(new ChatAccessRule(chat, null, positions.findById(id).orElseThrow(() -> unknown("Должность", id)), null));
    }
    for (Long id : nullSafe(departmentIds)) {
      rules.save(new ChatAccessRule(chat, null, null, departments.findById(id).orElseThrow(() -> unknown("Подразделение", id))));
    }
    audit.record(viewer.userId(), "GROUP_CHAT_CREATED", "chat", chat.getId(), "«" + chat.getTitle() + "»");
    return chat.getId();
  }

  @Transactional(readOnly = true)
  public List<GroupChat> groups() {
    return chatRepository.findAll().stream().filter(c -> c.getKind() == ChatKind.GROUP)
        .map(c -> new GroupChat(c.getId(), c.getTitle(), rules.findByChat(c.getId()).stream().map(ChatAccessRule::describe).toList()))
        .toList();
  }

  public record GroupChat(Long id, String title, List<String> rules) {}

  private static List<Long> nullSafe(List<Long> ids) {
    return ids == null ? List.of() : ids;
  }

  private static DomainException unknown(String what, Long id) {
    return new DomainException(Kind.INVALID, what + " №" + id + " не найден(а)");
  }

  private static void requireAdmin(Viewer viewer) {
    if (!viewer.groups().contains(Group.ADMINS)) {
      throw new DomainException(Kind.FORBIDDEN, "Это может только администратор");
    }
  }
}
