package ru.voronka.chat;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A message to a client reached its provider ({@code sent}) or was given up for good, with the reason;
 * {@code cause} is the key it was queued with ({@link ClientOutbox}), so the module that caused it can
 * write the outcome where it belongs (a stage action's run in the deal's log).
 */
@DomainEvent
public record ClientMessageSettled(Long messageId, Long dealId, String cause, boolean sent, String reason) {}
