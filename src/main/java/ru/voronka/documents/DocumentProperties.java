package ru.voronka.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code voronka.documents.*}: {@code template-folder} — a folder whose templates (same file names as
 * {@code templates/documents/}) replace the shipped ones without a rebuild; {@code max-scan-bytes} —
 * the largest signed scan taken; {@code link-secret} — signs the links to documents sent to clients.
 */
@ConfigurationProperties("voronka.documents")
public record DocumentProperties(String templateFolder, Long maxScanBytes, String linkSecret) {

  public DocumentProperties {
    maxScanBytes = maxScanBytes == null ? 10L * 1024 * 1024 : maxScanBytes;
  }
}
