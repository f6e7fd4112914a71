package ru.voronka.chat;

import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;
import ru.voronka.messaging.ClientMessenger;
import ru.voronka.messaging.ClientMessenger.OutgoingMessage;

/**
 * The WhatsApp Business Platform's 24-hour window, from the chat's own rows: when the client last wrote
 * through WhatsApp — to any chat of the counterparty's deals (one client, one conversation with the
 * company number). Providers that enforce it (the Cloud API) refuse free text outside it; the chat
 * offers the approved templates then.
 */
@Component
class ClientWindow {

  private final ChatMessageRepository messages;
  private final Clock clock;

  ClientWindow(ChatMessageRepository messages, Clock clock) {
    this.messages = messages;
    this.clock = clock;
  }

  /** How long the client has been silent; never wrote: {@link OutgoingMessage#NEVER_WROTE}. */
  Duration silence(Chat chat) {
    Long counterparty = chat.getCounterparty() == null ? -1L : chat.getCounterparty().getId();
    return messages.lastClientMessageAt(chat.getId(), counterparty)
        .map(at -> Duration.between(at, clock.instant())).orElse(OutgoingMessage.NEVER_WROTE);
  }

  boolean closed(Chat chat) {
    return chat.isClientChat() && silence(chat).compareTo(ClientMessenger.SERVICE_WINDOW) > 0;
  }
}
