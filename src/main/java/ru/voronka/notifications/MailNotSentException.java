package ru.voronka.notifications;

/**
 * A mail could not be handed over (server down, address refused, nobody to send to). Deliberately
 * unchecked and not a {@code DomainException}: it is a technical failure that the calling Camunda
 * job retries and finally shows as an incident; the message is for the administrator who reads it.
 */
public class MailNotSentException extends RuntimeException {

  public MailNotSentException(String message) {
    super(message);
  }

  public MailNotSentException(String message, Throwable cause) {
    super(message, cause);
  }
}
