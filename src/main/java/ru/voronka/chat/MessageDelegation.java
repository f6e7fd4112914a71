package ru.voronka.chat;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import ru.voronka.directory.Employee;

/** WA-1's settings table: {@code receiver} also receives the client messages routed to {@code source}. */
@Entity
class MessageDelegation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  private Employee receiver;

  @ManyToOne(fetch = FetchType.LAZY)
  private Employee source;

  protected MessageDelegation() {}

  MessageDelegation(Employee receiver, Employee source) {
    this.receiver = receiver;
    this.source = source;
  }

  Long getId() {
    return id;
  }

  Employee getReceiver() {
    return receiver;
  }

  Employee getSource() {
    return source;
  }
}
