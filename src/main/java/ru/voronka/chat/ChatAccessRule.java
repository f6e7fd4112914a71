package ru.voronka.chat;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import ru.voronka.directory.Department;
import ru.voronka.directory.Employee;
import ru.voronka.directory.Position;

/** One line of a group chat's «Адресация»: a user, a CRM position or a department that may see it. */
@Entity
public class ChatAccessRule {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  private Chat chat;

  @ManyToOne(fetch = FetchType.LAZY)
  private Employee employee;

  @ManyToOne(fetch = FetchType.LAZY)
  private Position position;

  @ManyToOne(fetch = FetchType.LAZY)
  private Department department;

  protected ChatAccessRule() {}

  ChatAccessRule(Chat chat, Employee employee, Position position, Department department) {
    this.chat = chat;
    this.employee = employee;
    this.position = position;
    this.department = department;
  }

  boolean admits(Employee e) {
    return (employee != null && employee.getId().equals(e.getId()))
        || (position != null && e.getPosition() != null && position.getId().equals(e.getPosition().getId()))
        || (department != null && e.getDepartment() != null && department.getId().equals(e.getDepartment().getId()));
  }

  public String describe() {
    if (employee != null) {
      return "Пользователь: " + employee.getFullName();
    }
    if (position != null) {
      return "Должность: " + position.getName();
    }
    return "Подразделение: " + department.getName();
  }
}
