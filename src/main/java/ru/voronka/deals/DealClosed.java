package ru.voronka.deals;

import org.jmolecules.event.annotation.DomainEvent;

/** A deal ended, won or lost (FUN-9, «Сделка провалена»), published in the transaction that closed it. */
@DomainEvent
public record DealClosed(Long dealId, DealStatus status) {}
