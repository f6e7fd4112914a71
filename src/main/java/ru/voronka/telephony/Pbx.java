package ru.voronka.telephony;

/**
 * The PBX as Voronka commands it (TEL-1, TEL-2). What happens on the phones comes back the other
 * way, as calls to {@link CallJournal}. Adapters: Asterisk over AMI (AsteriskPbx) and the
 * demo's {@link SimulatedPbx}.
 */
public interface Pbx {

  /** TEL-1 click-to-call: the employee's desk phone rings; once picked up, the client's number is dialled. */
  void originate(String extension, String clientNumber);

  /** TEL-2/TEL-7: moves a ringing or answered call to another extension. */
  void redirect(String callKey, String extension);

  /** TEL-7: the manager whose desk rings passes the call on; the dialplan rings the next desk. */
  void pass(String callKey);

  /** Whether a desk phone is registered and can ring (device state); unknown counts as reachable. */
  default boolean isReachable(String extension) {
    return true;
  }

  /** TEL-2: the supervisor's phone joins the call — only listening, whispering to the manager, or talking to both. */
  void spy(String supervisorExtension, String callKey, SpyMode mode);

  enum SpyMode {
    LISTEN("Прослушать"), WHISPER("Подсказать менеджеру"), BARGE("Вмешаться");

    private final String title;

    SpyMode(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  /** The PBX refused or cannot be reached: a refusal the user reads (409), not a fault. */
  class PbxException extends ru.voronka.platform.web.DomainException {
    public PbxException(String message, Throwable cause) {
      super(Kind.CONFLICT, message);
      if (cause != null) {
        initCause(cause);
      }
    }
  }
}
