package ru.voronka.documents;

import java.time.Instant;
import java.time.LocalDate;

/** One version of a deal's document, as the tab and the API list it (without its bytes). */
public record DocumentVersionView(Long id, Long documentId, Long dealId, DocumentType type, int number, LocalDate date,
    int version, DocumentStatus status, String reason, String createdBy, Instant createdAt, String fileName,
    String contentType, long sizeBytes, String sha256) {

  public String typeTitle() {
    return type.title();
  }

  public String statusTitle() {
    return status.title();
  }

  public boolean pdf() {
    return "application/pdf".equals(contentType);
  }
}
