package ru.voronka.messaging;

/** Sends a text to a client's phone through whatever channel is configured. */
public interface ClientMessenger {

  /**
   * @throws MessageNotSentException when the channel refused or failed; the caller decides whether
   *     that is retried (a Camunda job) or recorded as final
   */
  SentMessage send(OutgoingMessage message);

  /**
   * {@code groupId}: set when the message goes to a group the provider holds; providers that hold
   * none refuse it for good.
   * {@code reference}: our id of the message, sent along where the provider supports it (Wazzup's
   * {@code crmMessageId}), so that a retried send is recognised as a repeat instead of sent twice.
   * {@code service}, {@code channel}: the WhatsApp service ({@code wazzup}, {@code i2crm}, {@code cloud})
   * and its channel to send through — named by the cause, or the ones that reached the client last;
   * null: the first connected service decides.
   */
  record OutgoingMessage(Long dealId, String phone, String text, String reference, String groupId, String service,
      String channel) {

    public OutgoingMessage(Long dealId, String phone, String text, String reference, String groupId) {
      this(dealId, phone, text, reference, groupId, null, null);
    }

    public OutgoingMessage(Long dealId, String phone, String text, String reference) {
      this(dealId, phone, text, reference, null);
    }

    public OutgoingMessage(Long dealId, String phone, String text) {
      this(dealId, phone, text, java.util.UUID.randomUUID().toString());
    }

    /** To the deal's client group held by the provider ({@link ClientGroups}) instead of one number. */
    public static OutgoingMessage toGroup(Long dealId, String groupId, String text, String reference) {
      return new OutgoingMessage(dealId, null, text, reference, groupId);
    }

    public boolean isToGroup() {
      return groupId != null;
    }

    /** The same message through this service and channel (either may be null: chosen by the routing). */
    public OutgoingMessage via(String service, String channel) {
      return new OutgoingMessage(dealId, phone, text, reference, groupId, service, channel);
    }
  }

  record SentMessage(String channel, String messageId) {}

  class MessageNotSentException extends RuntimeException {
    private final boolean retryable;

    public MessageNotSentException(String message, Throwable cause) {
      this(message, cause, true);
    }

    /** @param retryable false when trying again cannot help (a refused number, a bad request) */
    public MessageNotSentException(String message, Throwable cause, boolean retryable) {
      super(message, cause);
      this.retryable = retryable;
    }

    public boolean isRetryable() {
      return retryable;
    }
  }
}
