package ru.voronka.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256: the providers' webhook signatures and the deal groups' join codes. */
final class HmacSha256 {

  private HmacSha256() {}

  static byte[] of(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /**
   * A {@code sha256=<hex>} signature header (Meta's {@code X-Hub-Signature-256}, I2CRM's) over the
   * raw body, compared in constant time. No secret configured: nothing is signed.
   */
  static boolean signs(String header, String secret, byte[] body) {
    if (secret == null || secret.isBlank() || header == null || !header.startsWith("sha256=")) {
      return false;
    }
    byte[] expected = HexFormat.of().formatHex(of(secret.getBytes(StandardCharsets.UTF_8), body))
        .getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, header.substring(7).toLowerCase().getBytes(StandardCharsets.US_ASCII));
  }
}
