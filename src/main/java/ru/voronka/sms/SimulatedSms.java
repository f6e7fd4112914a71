package ru.voronka.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The demo's GSM gateway: what would have gone out is kept (in memory) for /simulator/sms to show;
 * an SMS handed over again with the same reference is the same SMS, not a second one.
 */
class SimulatedSms implements SmsPort {

  record Sent(String phone, String text, String sender, Instant at) {}

  private final SimCards sims;
  private final Deque<Sent> sent = new ConcurrentLinkedDeque<>();
  private final Map<String, SmsReceipt> byReference = new ConcurrentHashMap<>();
  private final Clock clock;

  SimulatedSms(SimCards sims, Clock clock) {
    this.clock = clock;
    this.sims = sims;
  }

  @Override
  public SmsReceipt send(Sms sms) {
    if (sms.reference() != null) {
      if (byReference.size() > 1000) {
        byReference.clear(); // the demo's memory: a retry comes within minutes, not after a thousand SMS
      }
      return byReference.computeIfAbsent(sms.reference(), r -> deliver(sms));
    }
    return deliver(sms);
  }

  private SmsReceipt deliver(Sms sms) {
    String e164 = ru.voronka.directory.PhoneNumbers.e164(sms.phone());
    String sender = sims == null ? "шлюз" : sims.senderFor(e164, sms.carrier());
    sent.addFirst(new Sent(sms.phone(), sms.text(), sender, clock.instant()));
    while (sent.size() > 200) {
      sent.pollLast();
    }
    return new SmsReceipt("simulator", UUID.randomUUID().toString(), sender);
  }

  @Override
  public String state() {
    return "SMS-шлюз симулирован (демо): отправленные SMS видны на /simulator/sms";
  }

  List<Sent> recent() {
    return new ArrayList<>(sent);
  }
}
