package ru.voronka.sms;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * What became of an SMS after it was handed over, told by the gateway later: its late reply
 * ({@code SENT}), or its delivery receipt ({@code DELIVERED}, or {@code FAILED} with the gateway's
 * {@code state}: UNDELIV, EXPIRED, REJECTD…). {@code reference} is the one the SMS was sent with.
 */
@DomainEvent
public record SmsReport(String reference, Outcome outcome, String state) {

  public enum Outcome { SENT, DELIVERED, FAILED }
}
