package ru.voronka.sms;

/** Sends a short text to a phone. */
public interface SmsPort {

  /**
   * @throws SmsNotSentException when the gateway refused or could not be reached; {@link
   *     SmsNotSentException#isRetryable()} says whether sending the same {@link Sms} again later may help
   */
  SmsReceipt send(Sms sms);

  /** A one-off text (an employee's notification): no idempotency key, the SIM of the given or looked-up carrier. */
  default SmsReceipt send(String phone, String text, String carrier) {
    return send(new Sms(phone, text, carrier, null));
  }

  /** What administrators see of the gateway: one line, in Russian. */
  default String state() {
    return "";
  }

  /**
   * @param carrier the recipient's mobile carrier when known (МТС, МегаФон, Билайн, …): the gateway
   *     sends from its SIM of that carrier; null to look it up from the number's range
   * @param reference the idempotency key, from what caused the SMS («chat-message-17»): the same
   *     reference is sent at most once, however often it is handed over; null for a one-off
   */
  record Sms(String phone, String text, String carrier, String reference) {}

  record SmsReceipt(String channel, String id, String sender) {}

  class SmsNotSentException extends RuntimeException {
    private final boolean retryable;

    public SmsNotSentException(String message, Throwable cause) {
      this(message, cause, true);
    }

    public SmsNotSentException(String message, Throwable cause, boolean retryable) {
      super(message, cause);
      this.retryable = retryable;
    }

    /** False when trying again cannot help: a number that is not a phone, a refusal of the text itself. */
    public boolean isRetryable() {
      return retryable;
    }
  }
}
