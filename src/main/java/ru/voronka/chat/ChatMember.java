package ru.voronka.chat;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import ru.voronka.directory.Employee;

@Entity
class ChatMember {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  private Chat chat;

  @ManyToOne(fetch = FetchType.LAZY)
  private Employee employee;

  private Instant addedAt;

  protected ChatMember() {}

  ChatMember(Chat chat, Employee employee) {
    this.chat = chat;
    this.employee = employee;
    this.addedAt = Instant.now();
  }

  Employee getEmployee() {
    return employee;
  }
}
