package ru.voronka.directory;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The JPA listener of a client's card and everything on it: every write, whichever service made it,
 * becomes one {@link ClientChanged}. No database work here — Hibernate is flushing.
 */
@Component
class ClientChanges {

  private final ApplicationEventPublisher events;

  ClientChanges(ApplicationEventPublisher events) {
    this.events = events;
  }

  @PostPersist
  @PostUpdate
  @PostRemove
  void written(Object row) {
    Counterparty client = row instanceof Counterparty c ? c
        : row instanceof Contact k ? k.getCounterparty()
        : row instanceof ContactPhone p ? p.getContact().getCounterparty()
        : row instanceof ContactEmail e ? e.getContact().getCounterparty()
        : null;
    if (client != null && client.getId() != null) {
      events.publishEvent(new ClientChanged(client.getId()));
    }
  }
}
