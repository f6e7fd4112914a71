package ru.voronka.chat;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealNotFoundException;
import ru.voronka.deals.DealRepository;
import ru.voronka.messaging.ClientMessenger;
import ru.voronka.messaging.ClientMessenger.TemplateMessage;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * The one way out to a client: a manager's message, the funnel's and the stage actions' messages, answers
 * to join requests, notices and SMS are stored here as messages of the deal's client chat (where the
 * manager sees them with their status) and sent by «Отправка сообщения клиенту» with its retries.
 * Each carries the key of what caused it; the key is unique, so a cause that comes again — a retried job,
 * the same event on another node — finds its message instead of sending a second one.
 */
@Service
@Transactional
public class ClientOutbox {

  /** The system's name as the author of automatic messages. */
  public static final String SYSTEM_AUTHOR = "Воронка (автоматически)";

  /**
   * @param cause the idempotency key: what caused the message, the same for every retry of it
   * @param phone the number to write to; null: the client's number ({@code Counterparty.phoneToWrite})
   * @param service, channel the provider and sender number the cause named; null: the one that reached
   *     the client last
   */
  public record Outgoing(Long dealId, String cause, String author, String text, Channel via, String phone,
      String service, String channel, List<Upload> files, TemplateMessage template) {

    public Outgoing {
      files = files == null ? List.of() : List.copyOf(files);
      via = via == null ? Channel.WHATSAPP : via;
      author = author == null ? SYSTEM_AUTHOR : author;
    }

    /** Free text (and files), no template. */
    public Outgoing(Long dealId, String cause, String author, String text, Channel via, String phone, String service,
        String channel, List<Upload> files) {
      this(dealId, cause, author, text, via, phone, service, channel, files, null);
    }

    public static Outgoing whatsapp(Long dealId, String cause, String text, String phone) {
      return new Outgoing(dealId, cause, null, text, Channel.WHATSAPP, phone, null, null, List.of());
    }
  }

  /** @param repeated true when the cause had been queued before: nothing new goes out */
  public record Queued(Long messageId, boolean repeated) {}

  private final ChatMessageRepository messages;
  private final DealRepository deals;
  private final ChatFinder finder;
  private final ChatNews news;
  private final ClientMessageOutbox outbox;
  private final ClientMessenger messenger;

  ClientOutbox(ChatMessageRepository messages, DealRepository deals, ChatFinder finder, ChatNews news,
      ClientMessageOutbox outbox, ClientMessenger messenger) {
    this.messenger = messenger;
    this.messages = messages;
    this.deals = deals;
    this.finder = finder;
    this.news = news;
    this.outbox = outbox;
  }

  /**
   * Stores the message in the deal's client chat and queues it. Two nodes queueing the same cause at
   * the same moment: one insert wins, the other transaction fails on the unique key and is retried by
   * its caller (a job), which then finds the message queued.
   */
  public Queued send(Outgoing outgoing) {
    if (outgoing.cause() == null || outgoing.cause().isBlank()) {
      throw new IllegalArgumentException("A message to a client needs the key of its cause");
    }
    Optional<ChatMessage> before = messages.findByIdempotencyKey(outgoing.cause());
    if (before.isPresent()) {
      return new Queued(before.get().getId(), true);
    }
    String text = outgoing.text() == null ? "" : outgoing.text().strip();
    if (outgoing.template() != null) { // the chat shows what the client reads: the template's body with its values
      text = rendered(outgoing.template()).orElse(text.isEmpty() ? "Шаблон WhatsApp «" + outgoing.template().name() + "»" : text);
    }
    if (text.isEmpty() && outgoing.files().isEmpty()) {
      throw new DomainException(Kind.INVALID, "Пустое сообщение клиенту не отправляется");
    }
    Deal deal = deals.findById(outgoing.dealId()).orElseThrow(() -> new DealNotFoundException(outgoing.dealId()));
    Chat chat = finder.dealChat(deal, ChatKind.DEAL_CLIENT);
    ChatMessage message = new ChatMessage(chat, Direction.OUTGOING, outgoing.via(), null, outgoing.author(), text,
        MessageStatus.QUEUED);
    message.addressTo(outgoing.cause(), outgoing.phone(), outgoing.service(), outgoing.channel());
    if (outgoing.template() != null) {
      message.sendAsTemplate(outgoing.template().name(), outgoing.template().language(), outgoing.template().parameters());
    }
    outgoing.files().forEach(f -> message.attach(f.fileName(), f.contentType(), f.content()));
    messages.saveAndFlush(message);
    outbox.enqueue(deal.getId(), message.getId());
    news.stored(chat, message);
    return new Queued(message.getId(), false);
  }

  /** A template's body with its values, when the provider lists it. */
  private Optional<String> rendered(TemplateMessage template) {
    return messenger.templates().stream()
        .filter(t -> t.name().equals(template.name()) && t.language().equals(template.language()))
        .findFirst().map(t -> t.render(template.parameters()));
  }

  /** The status of the message a cause queued, if it did. */
  @Transactional(readOnly = true)
  public Optional<MessageStatus> statusOf(String cause) {
    return messages.findByIdempotencyKey(cause).map(ChatMessage::getStatus);
  }
}
