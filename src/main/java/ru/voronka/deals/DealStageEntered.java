package ru.voronka.deals;

import org.jmolecules.event.annotation.DomainEvent;

/** A deal moved to a stage of its funnel (FUN-2), published in the transaction that moved it. */
@DomainEvent
public record DealStageEntered(Long dealId, DealStage from, DealStage stage) {}
