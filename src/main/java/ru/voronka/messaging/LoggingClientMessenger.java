package ru.voronka.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Fallback;
import org.springframework.stereotype.Component;

/**
 * {@code voronka.whatsapp.provider: journal} — no provider connected: the message is logged and
 * refused for good, so the chat and the deal's history say «Ошибка» with the reason instead of
 * pretending it reached the client.
 */
@Component
@Fallback // the WhatsApp services' router is what the application sends through
@ConditionalOnProperty(name = "voronka.whatsapp.provider", havingValue = "journal", matchIfMissing = true)
class LoggingClientMessenger implements ClientMessenger {

  private static final Logger log = LoggerFactory.getLogger(LoggingClientMessenger.class);

  @Override
  public SentMessage send(OutgoingMessage message) {
    log.info("Not sent (no WhatsApp provider), to {} for deal {}: {}", message.phone(), message.dealId(),
        message.isFile() ? "file " + message.file().fileName() : message.text());
    throw new MessageNotSentException("WhatsApp не подключён (VORONKA_WHATSAPP_PROVIDER=journal): сообщение не отправлено",
        null, false);
  }
}
