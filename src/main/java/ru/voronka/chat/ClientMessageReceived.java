package ru.voronka.chat;

import java.time.Instant;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * Published (in the storing transaction) when a client's message is stored in a deal's chat: the
 * pop-ups (COM-4) and «Ответить клиенту» (COM-5) listen.
 */
@DomainEvent
public record ClientMessageReceived(Long chatId, Long messageId, Long dealId, String dealTitle, String responsibleUserId,
    String from, String text, Instant receivedAt) {}
