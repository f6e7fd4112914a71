package ru.voronka.whatsapp;

import java.time.Instant;

/**
 * A client's message as a provider delivered it. {@code externalId} is "provider:id", unique across
 * providers; {@code missedCall}: the provider reports a missed WhatsApp call, not a text.
 */
public record InboundMessage(String externalId, String phone, String senderName, String text, Instant receivedAt,
    boolean missedCall) {}
