package ru.voronka.sms;

import ru.voronka.messaging.ClientMessenger;
import ru.voronka.messaging.ClientMessenger.MessageNotSentException;
import ru.voronka.messaging.ClientMessenger.OutgoingMessage;

/**
 * WA-9: WhatsApp as the SMS provider — the text goes to the number's WhatsApp through the
 * configured provider, with the SMS's reference as the provider's idempotency key where it has one.
 */
class WhatsAppSms implements SmsPort {

  private final ClientMessenger whatsapp;

  WhatsAppSms(ClientMessenger whatsapp) {
    this.whatsapp = whatsapp;
  }

  @Override
  public SmsReceipt send(Sms sms) {
    try {
      var sent = whatsapp.send(sms.reference() == null ? new OutgoingMessage(null, sms.phone(), sms.text())
          : new OutgoingMessage(null, sms.phone(), sms.text(), sms.reference()));
      return new SmsReceipt("whatsapp", sent.messageId(), null);
    } catch (MessageNotSentException e) {
      throw new SmsNotSentException(e.getMessage(), e, e.isRetryable());
    }
  }

  @Override
  public String state() {
    return "SMS уходят через WhatsApp (WA-9)";
  }
}
