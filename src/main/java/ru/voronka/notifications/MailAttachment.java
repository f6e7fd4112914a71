package ru.voronka.notifications;

/** A file sent with a mail, e.g. a signed act as {@code application/pdf}. */
public record MailAttachment(String fileName, String contentType, byte[] content) {

  public MailAttachment {
    if (fileName == null || fileName.isBlank() || content == null) {
      throw new IllegalArgumentException("An attachment needs a file name and content");
    }
    if (contentType == null || contentType.isBlank()) {
      contentType = "application/octet-stream";
    }
  }
}
