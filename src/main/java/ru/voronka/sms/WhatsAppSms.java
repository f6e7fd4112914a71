package ru.voronka.sms;

import ru.voronka.messaging.ClientMessenger;
import ru.voronka.messaging.ClientMessenger.MessageNotSentException;
import ru.voronka.messaging.ClientMessenger.OutgoingMessage;

/** WA-9: WhatsApp as the SMS provider — the text goes to the number's WhatsApp through the configured provider. */
class WhatsAppSms implements SmsPort {

  private final ClientMessenger whatsapp;

  WhatsAppSms(ClientMessenger whatsapp) {
    this.whatsapp = whatsapp;
  }

  @Override
  public SmsReceipt send(String phone, String text, String carrier) {
    try {
      var sent = whatsapp.send(new OutgoingMessage(null, phone, text));
      return new SmsReceipt("whatsapp", sent.messageId(), null);
    } catch (MessageNotSentException e) {
      throw new SmsNotSentException(e.getMessage(), e);
    }
  }
}
