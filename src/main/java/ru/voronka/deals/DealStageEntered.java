package ru.voronka.deals;

import java.time.Instant;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A deal moved to a stage of its funnel (FUN-2), published in the transaction that moved it. {@code at}
 * tells one entry from another (a deal may come back to a stage): stage actions key their runs by it,
 * so a redelivered event starts nothing twice.
 */
@DomainEvent
public record DealStageEntered(Long dealId, DealStage from, DealStage stage, Instant at) {}
