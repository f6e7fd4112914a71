package ru.voronka.workspace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.Viewers;
import ru.voronka.directory.Group;
import ru.voronka.directory.Staff;
import ru.voronka.directory.Staff.NewEmployee;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * The administrator's staff page: everyone with their position, department, roles and phones; hire
 * (a Camunda user with groups and the Voronka card at once) and dismiss ({@link Staff}).
 */
@Controller
@Transactional // the Camunda user, its groups and the card are made together, or nothing is
class EmployeesController {

  private final Staff staff;

  EmployeesController(Staff staff) {
    this.staff = staff;
  }

  @GetMapping("/admin/employees")
  String page(@RequestParam(required = false) String saved, Authentication auth, Model model) {
    requireAdmin(Viewers.of(auth));
    model.addAttribute("staff", staff.everyone());
    model.addAttribute("groups", Option.of(Group.values(), Group::title));
    model.addAttribute("saved", saved);
    return "workspace/employees";
  }

  @PostMapping("/admin/employees")
  String hire(@RequestParam(required = false) String userId, @RequestParam(required = false) String password,
      @RequestParam(required = false) String lastName, @RequestParam(required = false) String firstName,
      @RequestParam(required = false) String email, @RequestParam(required = false) String position,
      @RequestParam(required = false) String department, @RequestParam(required = false) List<Group> groups,
      @RequestParam(required = false) String extension, @RequestParam(required = false) String officePhone,
      @RequestParam(required = false) String mobilePhone, @RequestParam(required = false) String mobileCarrier,
      HttpServletRequest request, HttpServletResponse response, Authentication auth) {
    requireAdmin(Viewers.of(auth));
    if (groups == null || groups.isEmpty()) {
      throw new DomainException(Kind.INVALID, "Отметьте хотя бы одну роль: без неё сотрудник не увидит ни задач, ни сделок");
    }
    String login = userId == null ? null : userId.strip();
    staff.hire(new NewEmployee(login, password, firstName, lastName, FormValues.blankToNull(position), FormValues.blankToNull(department),
        groups, FormValues.blankToNull(officePhone), FormValues.blankToNull(mobilePhone), FormValues.blankToNull(mobileCarrier),
        FormValues.blankToNull(email)));
    if (extension != null && !extension.isBlank()) {
      staff.assignExtension(login, extension);
    }
    return FormValues.go("/admin/employees?saved=" + login, request, response);
  }

  @PostMapping("/admin/employees/{userId}/dismiss")
  String dismiss(@PathVariable String userId, HttpServletRequest request, HttpServletResponse response, Authentication auth) {
    Viewer viewer = Viewers.of(auth);
    requireAdmin(viewer);
    staff.dismiss(userId, viewer.userId());
    return FormValues.go("/admin/employees", request, response);
  }

  private static void requireAdmin(Viewer viewer) {
    if (!viewer.groups().contains(Group.ADMINS)) {
      throw new DomainException(Kind.FORBIDDEN, "Сотрудников принимает и увольняет администратор");
    }
  }
}
