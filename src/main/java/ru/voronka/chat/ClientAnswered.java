package ru.voronka.chat;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * Published (in the storing transaction) when an employee writes to the client in a deal's client
 * chat — WhatsApp or SMS: «Ответить клиенту» (COM-5) closes its open task (issue 15).
 */
@DomainEvent
public record ClientAnswered(Long chatId, Long messageId, Long dealId, String userId) {}
