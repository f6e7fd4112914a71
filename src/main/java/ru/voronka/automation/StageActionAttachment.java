package ru.voronka.automation;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A file uploaded to a stage action: it goes with every message the action sends. */
@Entity
public class StageActionAttachment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "action_id")
  private StageAction action;

  private String fileName;
  private String contentType;
  private long sizeBytes;
  private byte[] content;

  protected StageActionAttachment() {}

  StageActionAttachment(StageAction action, String fileName, String contentType, byte[] content) {
    this.action = action;
    this.fileName = fileName;
    this.contentType = contentType;
    this.sizeBytes = content.length;
    this.content = content;
  }

  public Long getId() {
    return id;
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
