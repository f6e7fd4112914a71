package ru.voronka.chat;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import ru.voronka.directory.Employee;
import ru.voronka.platform.time.Timestamped;
import ru.voronka.platform.time.WriteTimes;

@Entity
@EntityListeners(WriteTimes.class)
class ChatMember implements Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  private Chat chat;

  @ManyToOne(fetch = FetchType.LAZY)
  private Employee employee;

  private Instant addedAt;

  protected ChatMember() {}

  @Override
  public void created(Instant now) {
    addedAt = now;
  }

  ChatMember(Chat chat, Employee employee) {
    this.chat = chat;
    this.employee = employee;
  }

  Employee getEmployee() {
    return employee;
  }
}
