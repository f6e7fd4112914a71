package ru.voronka.chat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The link a provider downloads a chat file by (Wazzup's {@code contentUri}): no account, so it carries
 * the file's id, an expiry and an HMAC of both with {@code voronka.chat.file-link-secret} — it opens that
 * file only, until the expiry, and cannot be guessed. The base is {@code voronka.base-url}, which must be
 * reachable from the internet for providers that fetch files.
 */
@Component
class ChatFileLinks {

  static final String PATH = "/public/chat-files/";
  /** Long enough for a retried send and a provider's own retries; short enough that a leaked link dies. */
  static final Duration VALID_FOR = Duration.ofHours(24);

  private final byte[] secret;
  private final String baseUrl;
  private final Clock clock;

  ChatFileLinks(@Value("${voronka.chat.file-link-secret:${voronka.documents.link-secret}}") String secret,
      @Value("${voronka.base-url}") String baseUrl, Clock clock) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalStateException("voronka.chat.file-link-secret must be at least 16 characters");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.clock = clock;
  }

  /**
   * The file's name ends the path (not signed, only shown): a provider that names the file by its link
   * (Wazzup) shows the client «КП 12.pdf», not «17».
   */
  String link(Long attachmentId, String fileName) {
    long expires = clock.instant().plus(VALID_FOR).getEpochSecond();
    String name = fileName == null || fileName.isBlank() ? "" : "/" + URLEncoder.encode(fileName, StandardCharsets.UTF_8)
        .replace("+", "%20");
    return baseUrl + PATH + attachmentId + name + "?e=" + expires + "&t=" + token(attachmentId, expires);
  }

  /** The link's token matches the file and its expiry, and the expiry has not passed. */
  boolean valid(Long attachmentId, long expires, String token) {
    return token != null && expires >= clock.instant().getEpochSecond()
        && MessageDigest.isEqual(token(attachmentId, expires).getBytes(StandardCharsets.US_ASCII),
            token.getBytes(StandardCharsets.US_ASCII));
  }

  String token(Long attachmentId, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] digest = mac.doFinal(("voronka-chat-file:" + attachmentId + ":" + expires).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
