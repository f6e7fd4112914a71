package ru.voronka.documents;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The link a client opens a document by, without an account: the version's id and an HMAC of it with
 * {@code voronka.documents.link-secret} — it opens that version and no other, and cannot be guessed.
 */
@Component
public class PublicDocumentLinks {

  static final String PATH = "/public/documents/";

  private final byte[] secret;
  private final String baseUrl;

  PublicDocumentLinks(DocumentProperties properties, @Value("${voronka.base-url}") String baseUrl) {
    if (properties.linkSecret() == null || properties.linkSecret().length() < 16) {
      throw new IllegalStateException("voronka.documents.link-secret must be at least 16 characters");
    }
    this.secret = properties.linkSecret().getBytes(StandardCharsets.UTF_8);
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  public String link(Long versionId) {
    return baseUrl + PATH + versionId + "?t=" + token(versionId);
  }

  public boolean valid(Long versionId, String token) {
    return token != null && MessageDigest.isEqual(token(versionId).getBytes(StandardCharsets.US_ASCII),
        token.getBytes(StandardCharsets.US_ASCII));
  }

  String token(Long versionId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] digest = mac.doFinal(("voronka-document:" + versionId).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
