package ru.voronka.chat;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A file of a message, kept in the database with it (nothing is lost when a node goes). */
@Entity
@org.hibernate.annotations.DynamicUpdate // see ChatMessage: parts' progress is written beside this transaction
public class ChatAttachment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  private ChatMessage message;

  private String fileName;
  private String contentType;
  private long sizeBytes;

  private byte[] content;

  /** A file to the client leaves as a message of its own: its status; null for a client's file. */
  @Enumerated(EnumType.STRING)
  private MessageStatus status;

  private String statusReason;
  /** The provider's id of the file's message ("provider:id"): its delivery statuses come back by it. */
  private String externalId;

  protected ChatAttachment() {}

  ChatAttachment(ChatMessage message, String fileName, String contentType, byte[] content, MessageStatus status) {
    this.message = message;
    this.fileName = fileName;
    this.contentType = contentType;
    this.sizeBytes = content.length;
    this.content = content;
    this.status = status;
  }

  /** Sent, or further along: a retry of its message leaves it out. */
  boolean isOnItsWay() {
    return status != null && status.isOnItsWay();
  }

  /** Statuses only move forward, as a message's do ({@link MessageStatus#mayMoveTo}). */
  void advanceStatus(MessageStatus next, String reason) {
    if (status == null || !status.mayMoveTo(next)) {
      return;
    }
    status = next;
    statusReason = next == MessageStatus.FAILED ? reason : statusReason;
  }

  void sent(String externalId) {
    this.status = MessageStatus.SENT;
    this.statusReason = null;
    this.externalId = externalId;
  }

  void failed(String reason) {
    this.status = MessageStatus.FAILED;
    this.statusReason = reason;
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

  public Long getId() {
    return id;
  }

  public ChatMessage getMessage() {
    return message;
  }

  public String getFileName() {
    return fileName;
  }

  public String getContentType() {
    return contentType;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public byte[] getContent() {
    return content;
  }
}
