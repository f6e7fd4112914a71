package ru.voronka.sms.smpp;

/**
 * What a negative submit_sm_resp means for the SMS. Most statuses say the gateway did not take it
 * now (throttled, its queue full, a system error): send it again later. A few say the SMS itself is
 * wrong, and no retry can fix that.
 */
final class SubmitRefusals {

  static final int THROTTLED = 0x58;

  private SubmitRefusals() {}

  /** Statuses about the SMS itself (SMPP 3.4 §5.1.3): its length, its addresses, its parameters. */
  static boolean isFinal(int status) {
    return switch (status) {
      case 0x01, // ESME_RINVMSGLEN
          0x0A, // ESME_RINVSRCADR
          0x0B, // ESME_RINVDSTADR
          0x33, // ESME_RINVNUMDESTS
          0x48, 0x49, 0x50, 0x51, // source/destination TON/NPI
          0x62, // ESME_RINVEXPIRY
          0xC1, 0xC2, 0xC4 -> true; // optional parameters
      default -> false;
    };
  }

  /** The status in the words an operator reads, with its code. */
  static String describe(int status) {
    String words = switch (status) {
      case THROTTLED -> "шлюз просит снизить скорость";
      case 0x14 -> "очередь шлюза переполнена";
      case 0x08 -> "системная ошибка шлюза";
      case 0x45 -> "шлюз не смог принять сообщение";
      case 0x04 -> "сеанс со шлюзом не установлен";
      case 0x01 -> "недопустимая длина сообщения";
      case 0x0A -> "неверный номер отправителя";
      case 0x0B -> "неверный номер получателя";
      case 0x62 -> "неверный срок действия";
      default -> "шлюз отказал";
    };
    return words + " (код 0x" + String.format("%02X", status) + ")";
  }
}
