package ru.voronka.telephony;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A call that was answered or missed is over (TEL-2), published by the journal in the transaction
 * that ends it. {@code dealId}: the client's open deal, if the number is a client's; {@code
 * employee}: whose desk or mobile took or missed it, if anyone's.
 */
@DomainEvent
public record CallFinished(long callId, String callKey, Long dealId, CallDirection direction, boolean missed,
    String clientNumber, String employee) {}
