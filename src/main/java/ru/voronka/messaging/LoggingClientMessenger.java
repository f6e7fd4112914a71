package ru.voronka.messaging;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The adapter until a messenger provider is connected: the message is accepted and logged, and
 * the funnel records it in the deal's history like any other send.
 */
@Component
@ConditionalOnProperty(name = "voronka.whatsapp.provider", havingValue = "journal", matchIfMissing = true)
class LoggingClientMessenger implements ClientMessenger {

  private static final Logger log = LoggerFactory.getLogger(LoggingClientMessenger.class);

  @Override
  public SentMessage send(OutgoingMessage message) {
    String id = UUID.randomUUID().toString();
    log.info("Message {} to {} for deal {}: {}", id, message.phone(), message.dealId(), message.text());
    return new SentMessage("journal", id);
  }
}
