package ru.voronka.chat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealNotFoundException;
import ru.voronka.deals.DealRepository;
import ru.voronka.directory.KnownNumbers;
import ru.voronka.directory.PhoneNumbers;

/** What arrives in a client's chat from outside: their messages and files (the WhatsApp/SMS hub), calls with them. */
@Service
@Transactional
public class ChatReceiving {

  private final ChatMessageRepository messages;
  private final DealRepository deals;
  private final ChatFinder finder;
  private final ChatNews news;
  private final ApplicationEventPublisher events;
  private final KnownNumbers known;

  ChatReceiving(ChatMessageRepository messages, DealRepository deals, ChatFinder finder, ChatNews news,
      ApplicationEventPublisher events, KnownNumbers known) {
    this.known = known;
    this.messages = messages;
    this.deals = deals;
    this.finder = finder;
    this.news = news;
    this.events = events;
  }

  /** A client's message arrives in the chat of their deal (the WhatsApp/SMS hub calls this). */
  public ChatMessage receiveFromClient(Long dealId, String from, Channel channel, String text, List<Upload> files,
      String externalId) {
    return receiveFromClient(dealId, from, channel, text, files, externalId, null);
  }

  /**
   * @param providerChannel the provider's channel (sender number) it came to: answers go back through it
   *     ({@link ClientDelivery}); its service is the provider of {@code externalId} («provider:id»)
   */
  public ChatMessage receiveFromClient(Long dealId, String from, Channel channel, String text, List<Upload> files,
      String externalId, String providerChannel) {
    Deal deal = deals.findById(dealId).orElseThrow(() -> new DealNotFoundException(dealId));
    Chat chat = finder.dealChat(deal, ChatKind.DEAL_CLIENT);
    from = known.nameOf(from); // a known contact writes under their name, not their number
    ChatMessage message = new ChatMessage(chat, Direction.INCOMING, channel, null, from, text, MessageStatus.RECEIVED);
    message.identify(externalId);
    message.cameThrough(providerChannel);
    (files == null ? List.<Upload>of() : files).forEach(u -> message.attach(u.fileName(), u.contentType(), u.content()));
    messages.save(message);
    news.stored(chat, message);
    events.publishEvent(new ClientMessageReceived(chat.getId(), message.getId(), dealId, deal.getTitle(),
        deal.getResponsibleUserId(), from, ChatNews.preview(message), message.getCreatedAt()));
    return message;
  }

  /** A file of a client's message, fetched after the message was stored (WhatsApp's media job); the chat re-reads it. */
  public void attachReceived(Long messageId, Upload file) {
    messages.findById(messageId).ifPresent(m -> {
      m.attach(file.fileName(), file.contentType(), file.content());
      news.statusChanged(m);
    });
  }

  /** The text of a client's message once its files are in (the media job's placeholder replaced); the chat re-reads it. */
  public void rewriteReceived(Long messageId, UnaryOperator<String> body) {
    messages.findById(messageId).ifPresent(m -> {
      m.rewrite(body.apply(m.getBody()));
      news.statusChanged(m);
    });
  }

  /** A call with the client, shown in their chat; a missed one reads «Пропущенный звонок» (COM-3). */
  public ChatMessage recordCall(Long dealId, Direction direction, boolean missed, String number) {
    return recordCall(dealId, direction, missed, number, null);
  }

  /** {@link #recordCall(Long, Direction, boolean, String)} with the provider's id of the call, stored once. */
  public ChatMessage recordCall(Long dealId, Direction direction, boolean missed, String number, String externalId) {
    if (externalId != null) {
      var noted = messages.findByExternalId(externalId);
      if (noted.isPresent()) {
        return noted.get(); // told twice (an event delivered again): noted once
      }
    }
    Deal deal = deals.findById(dealId).orElseThrow(() -> new DealNotFoundException(dealId));
    Chat chat = finder.dealChat(deal, ChatKind.DEAL_CLIENT);
    String shown = PhoneNumbers.display(number);
    String who = known.of(number).map(KnownNumbers.Known::contactName).map(name -> name + ", " + shown).orElse(shown);
    String text = missed ? "Пропущенный звонок: " + who
        : (direction == Direction.INCOMING ? "Входящий звонок: " : "Звонок: ") + who;
    ChatMessage message = new ChatMessage(chat, direction, Channel.PHONE, null,
        direction == Direction.INCOMING ? known.nameOf(number) : "Звонок", text,
        direction == Direction.INCOMING ? MessageStatus.RECEIVED : MessageStatus.SENT);
    message.identify(externalId);
    messages.save(message);
    news.stored(chat, message);
    return message;
  }
}
