package ru.voronka.chat;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import ru.voronka.directory.Employee;
import ru.voronka.messaging.ClientMessenger;
import ru.voronka.platform.time.Timestamped;
import ru.voronka.platform.time.WriteTimes;

@Entity
@EntityListeners(WriteTimes.class)
// The outbox's job records a part's progress in transactions of its own: writing only what changed
// keeps this transaction's older copy from undoing it.
@org.hibernate.annotations.DynamicUpdate
public class ChatMessage implements Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  private Chat chat;

  @Enumerated(EnumType.STRING)
  private Direction direction;

  @Enumerated(EnumType.STRING)
  private Channel channel;

  @ManyToOne(fetch = FetchType.LAZY)
  private Employee authorEmployee;

  private String authorName;
  private String body;

  @Enumerated(EnumType.STRING)
  private MessageStatus status;

  private String statusReason;
  private String externalId;
  private Instant createdAt;
  private Instant deletedAt;
  private String deletedBy;

  /** What caused a message to a client ({@link ClientOutbox}): unique, so one cause never sends twice. */
  private String idempotencyKey;
  /** The number written to when not the client's own (a join answer, one of several contacts). */
  private String recipientPhone;
  /** The service and channel the sender named; null: the one that reached the client last. */
  private String providerService;
  private String providerChannel;

  /** An approved WhatsApp template the message was sent as (outside the 24-hour window); its body is the rendered text. */
  private String templateName;
  private String templateLanguage;
  /** The template's parameters, one a line. */
  private String templateParameters;

  @OneToMany(mappedBy = "message", cascade = CascadeType.PERSIST)
  private List<ChatAttachment> attachments = new ArrayList<>();

  protected ChatMessage() {}

  /** Microseconds: what PostgreSQL keeps, so a message reads back with the time it was stored with. */
  @Override
  public void created(Instant now) {
    createdAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  ChatMessage(Chat chat, Direction direction, Channel channel, Employee author, String authorName, String body,
      MessageStatus status) {
    this.chat = chat;
    this.direction = direction;
    this.channel = channel;
    this.authorEmployee = author;
    this.authorName = authorName;
    this.body = body;
    this.status = status;
  }

  ChatAttachment attach(String fileName, String contentType, byte[] content) {
    // A file to the client leaves as a part of its own, with its own status.
    ChatAttachment attachment = new ChatAttachment(this, fileName, contentType, content,
        direction == Direction.OUTGOING ? MessageStatus.QUEUED : null);
    attachments.add(attachment);
    return attachment;
  }

  void addressTo(String idempotencyKey, String recipientPhone, String providerService, String providerChannel) {
    this.idempotencyKey = idempotencyKey;
    this.recipientPhone = recipientPhone;
    this.providerService = providerService;
    this.providerChannel = providerChannel;
  }

  void sendAsTemplate(String name, String language, List<String> parameters) {
    this.templateName = name;
    this.templateLanguage = language;
    this.templateParameters = String.join("\n", parameters);
  }

  /** The template this message goes as, if it does. */
  java.util.Optional<ClientMessenger.TemplateMessage> template() {
    if (templateName == null) {
      return java.util.Optional.empty();
    }
    List<String> parameters = templateParameters == null || templateParameters.isEmpty() ? List.of()
        : List.of(templateParameters.split("\n", -1));
    return java.util.Optional.of(new ClientMessenger.TemplateMessage(templateName, templateLanguage, parameters));
  }

  /** A client's message: the provider's channel it came to; the service is its id's provider («provider:id»). */
  void cameThrough(String providerChannel) {
    int colon = externalId == null ? -1 : externalId.indexOf(':');
    this.providerService = colon > 0 ? externalId.substring(0, colon) : null;
    this.providerChannel = providerChannel;
  }

  /** A client's message whose files came after it: its placeholder replaced by what came. */
  void rewrite(String body) {
    this.body = body;
  }

  /** The provider's id ("provider:id"): a redelivery of the same message is recognised by it. */
  void identify(String externalId) {
    this.externalId = externalId;
  }

  /** Statuses only move forward ({@link MessageStatus#mayMoveTo}). */
  void advanceStatus(MessageStatus next, String reason) {
    if (!status.mayMoveTo(next)) {
      return;
    }
    status = next;
    statusReason = next == MessageStatus.FAILED ? reason : statusReason;
  }

  void markFailed(String reason) {
    status = MessageStatus.FAILED;
    statusReason = reason;
  }

  void markSent(String externalId) {
    status = MessageStatus.SENT;
    statusReason = null;
    this.externalId = externalId;
  }

  boolean isOnItsWay() {
    return status.isOnItsWay();
  }

  void delete(String by, Instant now) {
    deletedAt = now;
    deletedBy = by;
  }

  public Long getId() {
    return id;
  }

  public Chat getChat() {
    return chat;
  }

  public Direction getDirection() {
    return direction;
  }

  public Channel getChannel() {
    return channel;
  }

  public Employee getAuthorEmployee() {
    return authorEmployee;
  }

  public String getAuthorName() {
    return authorName;
  }

  public String getBody() {
    return body;
  }

  public MessageStatus getStatus() {
    return status;
  }

  public String getStatusReason() {
    return statusReason;
  }

  public String getExternalId() {
    return externalId;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public String getRecipientPhone() {
    return recipientPhone;
  }

  public String getProviderService() {
    return providerService;
  }

  public String getProviderChannel() {
    return providerChannel;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public boolean isDeleted() {
    return deletedAt != null;
  }

  public List<ChatAttachment> getAttachments() {
    return attachments;
  }
}
