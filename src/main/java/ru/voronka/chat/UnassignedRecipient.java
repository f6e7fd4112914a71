package ru.voronka.chat;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import ru.voronka.directory.Employee;

/** «Без указания менеджера»: receives the messages of clients whose deals have no responsible. */
@Entity
class UnassignedRecipient {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  private Employee employee;

  protected UnassignedRecipient() {}

  UnassignedRecipient(Employee employee) {
    this.employee = employee;
  }

  Employee getEmployee() {
    return employee;
  }
}
