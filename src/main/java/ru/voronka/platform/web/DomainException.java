package ru.voronka.platform.web;

/**
 * A refusal the user should read: the message is Russian and shown as is; the kind picks the HTTP
 * status (RFC 9457 problem details) and, in process code, tells a business outcome from a fault.
 */
public class DomainException extends RuntimeException {

  public enum Kind {
    INVALID(400), UNAUTHORIZED(401), NOT_FOUND(404), FORBIDDEN(403), CONFLICT(409), TOO_LARGE(413);

    final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /** What a user reads when somebody else (another person, a job, another node) changed the data first. */
  public static final String STALE_DATA = "Данные изменились — обновите страницу и повторите";

  private final Kind kind;

  public static DomainException staleData() {
    return new DomainException(Kind.CONFLICT, STALE_DATA);
  }

  public DomainException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
