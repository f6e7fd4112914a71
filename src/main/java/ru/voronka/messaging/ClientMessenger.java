package ru.voronka.messaging;

/** Sends a text to a client's phone through whatever channel is configured. */
public interface ClientMessenger {

  /**
   * @throws MessageNotSentException when the channel refused or failed; the caller decides whether
   *     that is retried (a Camunda job) or recorded as final
   */
  SentMessage send(OutgoingMessage message);

  record OutgoingMessage(Long dealId, String phone, String text) {}

  record SentMessage(String channel, String messageId) {}

  class MessageNotSentException extends RuntimeException {
    public MessageNotSentException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
