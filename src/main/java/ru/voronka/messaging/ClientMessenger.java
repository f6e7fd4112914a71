package ru.voronka.messaging;

import java.time.Duration;
import java.util.List;

/**
 * Sends one message to a client's phone through whatever channel is configured: a text, one file, or
 * an approved template. A chat message with text and files leaves as several of these — one per part,
 * each with its own reference — because the providers take one or the other (Wazzup's {@code text} or
 * {@code contentUri}); the chat's outbox splits them and keeps each part's status.
 */
public interface ClientMessenger {

  /** The WhatsApp Business Platform's customer service window: free-form messages only this long after the client wrote. */
  Duration SERVICE_WINDOW = Duration.ofHours(24);

  /** What the chat shows when the window is closed (after «Ошибка: »), and the way out. */
  String WINDOW_CLOSED = "прошло более 24 часов с последнего сообщения клиента — отправьте шаблон";

  /**
   * @throws MessageNotSentException when the channel refused or failed; the caller decides whether
   *     that is retried (a Camunda job) or recorded as final
   */
  SentMessage send(OutgoingMessage message);

  /**
   * The provider's approved message templates, for a client outside the service window; none where the
   * provider has no templates (or they could not be read just now).
   */
  default List<MessageTemplate> templates() {
    return List.of();
  }

  /**
   * {@code groupId}: set when the message goes to a group the provider holds; providers that hold
   * none refuse it for good.
   * {@code reference}: our id of the message, sent along where the provider supports it (Wazzup's
   * {@code crmMessageId}), so that a retried send is recognised as a repeat instead of sent twice.
   * {@code file}: set for a file part ({@code text} is then null).
   * {@code template}: an approved template with its parameters; {@code text} is its rendered body,
   * which providers without templates send as it is.
   * {@code clientSilentFor}: how long ago the client last wrote to us ({@link #NEVER_WROTE} when never);
   * null when unknown (a number typed in) — then only the provider itself can refuse.
   * {@code service}, {@code channel}: the WhatsApp service ({@code wazzup}, {@code i2crm}, {@code cloud})
   * and its channel to send through — named by the cause, or the ones that reached the client last;
   * null: the first connected service decides.
   */
  record OutgoingMessage(Long dealId, String phone, String text, String reference, String groupId, OutgoingFile file,
      TemplateMessage template, Duration clientSilentFor, String service, String channel) {

    public static final Duration NEVER_WROTE = Duration.ofDays(365L * 100);

    public OutgoingMessage(Long dealId, String phone, String text, String reference, String groupId, OutgoingFile file,
        TemplateMessage template, Duration clientSilentFor) {
      this(dealId, phone, text, reference, groupId, file, template, clientSilentFor, null, null);
    }

    public OutgoingMessage(Long dealId, String phone, String text, String reference, String groupId) {
      this(dealId, phone, text, reference, groupId, null, null, null);
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

    /** The same addressee, one file instead of the text, under the file part's own reference. */
    public OutgoingMessage withFile(OutgoingFile file, String reference) {
      return new OutgoingMessage(dealId, phone, null, reference, groupId, file, null, clientSilentFor, service, channel);
    }

    public OutgoingMessage withTemplate(TemplateMessage template) {
      return new OutgoingMessage(dealId, phone, text, reference, groupId, file, template, clientSilentFor, service, channel);
    }

    public OutgoingMessage withClientSilentFor(Duration silence) {
      return new OutgoingMessage(dealId, phone, text, reference, groupId, file, template, silence, service, channel);
    }

    /** The same message through this service and channel (either may be null: chosen by the routing). */
    public OutgoingMessage via(String service, String channel) {
      return new OutgoingMessage(dealId, phone, text, reference, groupId, file, template, clientSilentFor, service, channel);
    }

    public boolean isToGroup() {
      return groupId != null;
    }

    public boolean isFile() {
      return file != null;
    }

    /** Known to be outside the service window: the client never wrote, or longer ago than 24 hours. */
    public boolean outsideServiceWindow() {
      return clientSilentFor != null && clientSilentFor.compareTo(SERVICE_WINDOW) > 0;
    }
  }

  /**
   * One file to the client: its bytes (for providers that take an upload) and {@code url}, a signed link
   * that opens it without an account for a while (for providers that fetch it themselves).
   */
  record OutgoingFile(String fileName, String contentType, byte[] content, String url) {

    public boolean isImage() { // what WhatsApp shows as a picture; anything else goes as a document
      return "image/jpeg".equalsIgnoreCase(contentType) || "image/png".equalsIgnoreCase(contentType);
    }
  }

  /** An approved template by name and language, with the values of its body's {{1}}, {{2}}, …. */
  record TemplateMessage(String name, String language, List<String> parameters) {

    public TemplateMessage {
      parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }
  }

  /**
   * A template as the provider lists it: {@code text} is its body with {{1}}, {{2}}, … where the
   * parameters go, {@code parameters} how many it takes.
   */
  record MessageTemplate(String name, String language, String category, String text, int parameters) {

    /** The body with the parameters in place, as the chat shows what was sent. */
    public String render(List<String> values) {
      String body = text == null ? "" : text;
      for (int i = 0; i < values.size(); i++) {
        body = body.replace("{{" + (i + 1) + "}}", values.get(i));
      }
      return body;
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
