package ru.voronka.whatsapp;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import ru.voronka.directory.PhoneNumbers;
import ru.voronka.messaging.ClientMessenger;

/**
 * The demo's WhatsApp, behind the same port as the real providers: what the company sends is kept
 * per client number (in memory — a demo of one node) for the simulator page to show. It has two
 * channels (sender numbers) as a provider reports them (WA-11): an administrator switches them in
 * the WhatsApp settings, and with both off a send waits and is retried, as with Wazzup.
 */
class SimulatedWhatsApp implements ClientMessenger {

  static final String PROVIDER = "sim";
  private static final int KEPT_PER_NUMBER = 200;

  record Line(boolean fromClient, String text, Instant at) {}

  private final Map<String, Deque<Line>> conversations = new ConcurrentHashMap<>();
  private final WhatsAppChannels channels;

  private final Clock clock;

  SimulatedWhatsApp(WhatsAppChannels channels, Clock clock) {
    this.clock = clock;
    this.channels = channels;
  }

  /** The channels the simulated provider reports once the database is there. */
  @EventListener(ApplicationReadyEvent.class)
  public void reportChannels() {
    channels.reported(PROVIDER, "sim-main", "+74956498447", "active");
    channels.reported(PROVIDER, "sim-sales", "+74956498440", "active");
  }

  @Override
  public SentMessage send(OutgoingMessage message) {
    String phone = PhoneNumbers.e164(message.phone());
    if (phone == null) {
      throw new MessageNotSentException("Номер «" + message.phone() + "» не похож на телефон", null, false);
    }
    if (channels.sendingChannel(PROVIDER, PROVIDER).isEmpty()) { // before it reported channels: any
      throw new MessageNotSentException("Нет включённого канала WhatsApp: включите канал в настройках WhatsApp", null, true);
    }
    // A file shows as its name: the simulator plays a phone's chat list, not a gallery.
    remember(phone, new Line(false, message.isFile() ? "📎 " + message.file().fileName() : message.text(), clock.instant()));
    return new SentMessage(PROVIDER, PROVIDER + ":" + UUID.randomUUID());
  }

  void clientWrote(String phone, String text) {
    remember(phone, new Line(true, text, clock.instant()));
  }

  List<Line> conversation(String phone) {
    return new ArrayList<>(conversations.getOrDefault(phone, new ConcurrentLinkedDeque<>()));
  }

  private void remember(String phone, Line line) {
    Deque<Line> lines = conversations.computeIfAbsent(phone, p -> new ConcurrentLinkedDeque<>());
    lines.addLast(line);
    while (lines.size() > KEPT_PER_NUMBER) {
      lines.pollFirst();
    }
  }
}
