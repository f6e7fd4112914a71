package ru.voronka.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.PageView;
import ru.voronka.platform.web.DomainException.Kind;

@Tag(name = "Справочники", description = "Сотрудники и контрагенты с контактами")
@RestController
class DirectoryController {

  private final EmployeeRepository employees;
  private final CounterpartyRepository counterparties;
  private final Staff staff;

  DirectoryController(EmployeeRepository employees, CounterpartyRepository counterparties, Staff staff) {
    this.employees = employees;
    this.counterparties = counterparties;
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

  record ExtensionRequest(String extension) {}

  @Operation(summary = "Внутренний номер сотрудника на АТС (только администратор)")
  @org.springframework.web.bind.annotation.PutMapping("/api/employees/{userId}/extension")
  @PreAuthorize("hasRole('CAMUNDA_ADMIN')")
  EmployeeView assignExtension(@org.springframework.web.bind.annotation.PathVariable String userId,
      @RequestBody ExtensionRequest request) {
    return EmployeeView.of(staff.assignExtension(userId, request.extension()));
  }

  record ContactView(Long id, String fullName, String jobTitle, boolean main, List<String> phones, List<String> emails) {}

  record CounterpartyView(Long id, String name, String inn, String region, String responsible, List<ContactView> contacts) {
    static CounterpartyView of(Counterparty c) {
      return new CounterpartyView(c.getId(), c.getName(), c.getInn(), c.getRegion(),
          c.getResponsible() == null ? null : c.getResponsible().getUserId(),
          c.getContacts().stream().map(k -> new ContactView(k.getId(), k.getFullName(), k.getJobTitle(), k.isMain(),
              k.getPhones(), k.getEmails())).toList());
    }
  }

  @Operation(summary = "Контрагенты: поиск по названию или ИНН, постранично")
  @GetMapping("/api/counterparties")
  @Transactional(readOnly = true)
  PageView<CounterpartyView> counterparties(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return PageView.of(counterparties.search(q == null || q.isBlank() ? null : q.trim(),
        PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200))), CounterpartyView::of);
  }

  @Operation(summary = "Карточка контрагента с контактами")
  @GetMapping("/api/counterparties/{id}")
  @Transactional(readOnly = true)
  CounterpartyView counterparty(@PathVariable Long id) {
    return counterparties.findById(id).map(CounterpartyView::of)
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Контрагент №" + id + " не найден"));
  }
}
