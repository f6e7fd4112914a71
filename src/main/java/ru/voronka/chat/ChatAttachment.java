package ru.voronka.chat;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A file of a message, kept in the database with it (nothing is lost when a node goes). */
@Entity
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

  protected ChatAttachment() {}

  ChatAttachment(ChatMessage message, String fileName, String contentType, byte[] content) {
    this.message = message;
    this.fileName = fileName;
    this.contentType = contentType;
    this.sizeBytes = content.length;
    this.content = content;
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
