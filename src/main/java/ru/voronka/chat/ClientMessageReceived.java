package ru.voronka.chat;

import java.time.Instant;

/** Published (in the storing transaction) when a client's message is stored in a deal's chat. */
public record ClientMessageReceived(Long chatId, Long messageId, Long dealId, String responsibleUserId, Instant receivedAt) {}
