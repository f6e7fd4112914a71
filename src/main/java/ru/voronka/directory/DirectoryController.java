package ru.voronka.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Справочники", description = "Сотрудники")
@RestController
class DirectoryController {

  private final EmployeeRepository employees;
  private final Staff staff;

  DirectoryController(EmployeeRepository employees, Staff staff) {
    this.employees = employees;
    this.staff = staff;
  }

  record EmployeeView(String userId, String fullName, String position, String department, String officePhone,
      String extension, String mobilePhone, String mobileCarrier, String email, boolean active) {
    static EmployeeView of(Employee e) {
      return new EmployeeView(e.getUserId(), e.getFullName(), e.getPositionName(),
          e.getDepartment() == null ? null : e.getDepartment().getName(), e.getOfficePhone(), e.getExtension(),
          e.getMobilePhone(), e.getMobileCarrier(), e.getEmail(), e.isActive());
    }
  }

  @Operation(summary = "Сотрудники")
  @GetMapping("/api/employees")
  @Transactional(readOnly = true)
  List<EmployeeView> employees() {
    return employees.findAll().stream().map(EmployeeView::of).toList();
  }

  @Operation(summary = "Принять сотрудника: пользователь Camunda с ролями и карточка CRM (только администратор)")
  @PostMapping("/api/employees")
  @PreAuthorize("hasRole('CAMUNDA_ADMIN')")
  ResponseEntity<EmployeeView> hire(@RequestBody Staff.NewEmployee request) {
    Employee e = staff.hire(request);
    return ResponseEntity.created(URI.create("/api/employees/" + e.getUserId())).body(EmployeeView.of(e));
  }

  @Operation(summary = "Уволить сотрудника: пользователь Camunda теряет роли и пароль, карточка остаётся неактивной (только администратор)")
  @PostMapping("/api/employees/{userId}/dismissal")
  @PreAuthorize("hasRole('CAMUNDA_ADMIN')")
  EmployeeView dismiss(@org.springframework.web.bind.annotation.PathVariable String userId,
      org.springframework.security.core.Authentication auth) {
    return EmployeeView.of(staff.dismiss(userId, auth.getName()));
  }

  record ExtensionRequest(String extension) {}

  @Operation(summary = "Внутренний номер сотрудника на АТС (только администратор)")
  @org.springframework.web.bind.annotation.PutMapping("/api/employees/{userId}/extension")
  @PreAuthorize("hasRole('CAMUNDA_ADMIN')")
  EmployeeView assignExtension(@org.springframework.web.bind.annotation.PathVariable String userId,
      @RequestBody ExtensionRequest request) {
    return EmployeeView.of(staff.assignExtension(userId, request.extension()));
  }
}
