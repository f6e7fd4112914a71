package ru.voronka.sms;

/** Sends a short text to a phone. */
public interface SmsPort {

  /**
   * @param carrier the recipient's mobile carrier when known (МТС, МегаФон, Билайн, …): the gateway
   *     sends from its SIM of that carrier; null for the default SIM
   * @throws SmsNotSentException when the gateway refused or could not be reached
   */
  SmsReceipt send(String phone, String text, String carrier);

  record SmsReceipt(String channel, String id, String sender) {}

  class SmsNotSentException extends RuntimeException {
    public SmsNotSentException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
