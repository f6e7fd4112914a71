package ru.voronka.deals;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A deal has a new responsible (FUN-1: taken into work; or handed over by the РОП). {@code previous}
 * is null for a new request; {@code by} is who did it.
 */
@DomainEvent
public record ResponsibleChanged(Long dealId, String previous, String responsible, String by) {}
