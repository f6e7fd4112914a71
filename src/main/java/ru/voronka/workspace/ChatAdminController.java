package ru.voronka.workspace;

import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.voronka.chat.ChatAdministration;
import ru.voronka.deals.Viewers;
import ru.voronka.directory.DepartmentRepository;
import ru.voronka.directory.EmployeeRepository;
import ru.voronka.directory.Group;
import ru.voronka.directory.PositionRepository;
import ru.voronka.platform.audit.AuditRepository;
import ru.voronka.platform.audit.AuditTitles;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/** The administrator's chat settings (COM-1) and the audit trail (WA-8). */
@Controller
class ChatAdminController {

  private final ChatAdministration administration;
  private final EmployeeRepository employees;
  private final PositionRepository positions;
  private final DepartmentRepository departments;
  private final AuditRepository audit;

  ChatAdminController(ChatAdministration administration, EmployeeRepository employees, PositionRepository positions,
      DepartmentRepository departments, AuditRepository audit) {
    this.administration = administration;
    this.employees = employees;
    this.positions = positions;
    this.departments = departments;
    this.audit = audit;
  }

  @GetMapping("/admin/chats")
  String page(@RequestParam(defaultValue = "0") int page, Authentication auth, Model model) {
    if (!Viewers.of(auth).groups().contains(Group.ADMINS)) {
      throw new DomainException(Kind.FORBIDDEN,
          "Раздел доступен администраторам");
    }
    model.addAttribute("groups", administration.groups());
    model.addAttribute("employees", employees.findActive());
    model.addAttribute("positions", positions.findAll());
    model.addAttribute("departments", departments.findAll());
    var entries = audit.newestFirst(PageRequest.of(Math.max(page, 0), 20));
    java.util.Map<String, String> names = new java.util.HashMap<>();
    model.addAttribute("audit", entries.map(a -> new AuditRow(a.getAt(),
        names.computeIfAbsent(a.getActor(), login -> employees.findByUserId(login).map(e -> e.getFullName()).orElse(login)),
        a.getActor(), AuditTitles.action(a.getAction()), AuditTitles.subject(a.getSubjectType()), a.getSubjectId(), a.getDetails())));
    return "workspace/admin-chats";
  }

  /** An entry as the administrator reads it: a person's name, not their login; what was done in words, not a code. */
  public record AuditRow(java.time.Instant at, String actor, String login, String action, String subject, String subjectId,
      String details) {}

  @PostMapping("/admin/chats/groups")
  String createGroup(@RequestParam(required = false) String title, @RequestParam(required = false) List<Long> employeeIds,
      @RequestParam(required = false) List<Long> positionIds, @RequestParam(required = false) List<Long> departmentIds,
      Authentication auth) {
    Long id = administration.createGroup(Viewers.of(auth), title, employeeIds, positionIds, departmentIds);
    return "redirect:/chats/" + id;
  }

  @PostMapping("/admin/chats/personal")
  String createPersonal(Authentication auth, RedirectAttributes redirect) {
    int made = administration.createPersonalChats(Viewers.of(auth));
    redirect.addFlashAttribute("saved", made == 0 ? "Все личные чаты уже есть" : "Создано личных чатов: " + made);
    return "redirect:/admin/chats";
  }
}
