package ru.voronka.deals;

import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The JPA listener of deals: a new deal, or a new title or client, needs its search text written; a new
 * deal, stage, responsible or amount moves the deal in the board's tally.
 */
@Component
class DealWrites {

  /** Published while Hibernate flushes; {@link DealSearchText} writes the text before the commit. */
  record SearchTextStale(Long dealId) {}

  private final ApplicationEventPublisher events;

  DealWrites(ApplicationEventPublisher events) {
    this.events = events;
  }

  @PostLoad
  void loaded(Deal deal) {
    deal.loadedForTally();
  }

  @PostPersist
  @PostUpdate
  void written(Deal deal) {
    if (deal.takeSearchTextStale()) {
      events.publishEvent(new SearchTextStale(deal.getId()));
    }
    DealTally.Move move = deal.takeTallyMove();
    if (move != null) {
      events.publishEvent(move);
    }
  }
}
