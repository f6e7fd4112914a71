package ru.voronka.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;

/** The demo's GSM gateway: what would have gone out is kept (in memory) for /simulator/sms to show. */
class SimulatedSms implements SmsPort {

  record Sent(String phone, String text, String sender, Instant at) {}

  private final SmsProperties.Smpp sims;
  private final Deque<Sent> sent = new ConcurrentLinkedDeque<>();

  private final Clock clock;

  SimulatedSms(SmsProperties.Smpp sims, Clock clock) {
    this.clock = clock;
    this.sims = sims;
  }

  @Override
  public SmsReceipt send(String phone, String text, String carrier) {
    String sender = sims == null ? "шлюз" : sims.senderFor(carrier);
    sent.addFirst(new Sent(phone, text, sender, clock.instant()));
    while (sent.size() > 200) {
      sent.pollLast();
    }
    return new SmsReceipt("simulator", UUID.randomUUID().toString(), sender);
  }

  List<Sent> recent() {
    return new ArrayList<>(sent);
  }
}
