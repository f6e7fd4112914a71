package ru.voronka.documents;

import java.util.Optional;

/** What a file is by its first bytes, never by its name: PDF, JPEG or PNG. */
final class ScanTypes {

  private ScanTypes() {}

  static Optional<String> detect(byte[] b) {
    if (b == null) {
      return Optional.empty();
    }
    if (starts(b, '%', 'P', 'D', 'F', '-')) {
      return Optional.of("application/pdf");
    }
    if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
      return Optional.of("image/jpeg");
    }
    if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of("image/png");
    }
    return Optional.empty();
  }

  static String extension(String contentType) {
    return switch (contentType) {
      case "application/pdf" -> "pdf";
      case "image/jpeg" -> "jpg";
      default -> "png";
    };
  }

  private static boolean starts(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
