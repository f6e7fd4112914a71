package ru.voronka.deals;

import org.jmolecules.event.annotation.DomainEvent;

/** Published in the transaction that creates a deal: other modules set up what a deal comes with (its chats). */
@DomainEvent
public record DealCreated(Long dealId) {}
