package ru.voronka.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * Seals the services' credentials before they reach the database: AES-256-GCM with the key of
 * {@code voronka.secrets.key} (32 bytes in base64), a fresh 12-byte nonce each time, and the service's
 * name as associated data — a sealed value copied onto another service's row does not open. Stored as
 * {@code v1:<base64 of nonce and ciphertext>}.
 */
@Component
class CredentialSeal {

  private static final String PREFIX = "v1:";
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  CredentialSeal(@Value("${voronka.secrets.key:}") String key) {
    this.key = key == null || key.isBlank() ? null : new SecretKeySpec(decodeKey(key.strip()), "AES");
  }

  private static byte[] decodeKey(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("voronka.secrets.key (VORONKA_SECRETS_KEY) is not base64", e);
    }
    if (bytes.length != 32) {
      throw new IllegalStateException("voronka.secrets.key (VORONKA_SECRETS_KEY) must be 32 bytes in base64 (openssl rand -base64 32)");
    }
    return bytes;
  }

  boolean ready() {
    return key != null;
  }

  String seal(String service, String plain) {
    requireKey();
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(service.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE);
      System.arraycopy(sealed, 0, out, NONCE, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** @throws IllegalStateException when the value was sealed with another key or altered */
  String open(String service, String sealed) {
    requireKey();
    if (sealed == null || !sealed.startsWith(PREFIX)) {
      throw new IllegalStateException("Not a sealed value");
    }
    byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE));
      cipher.updateAAD(service.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(in, NONCE, in.length - NONCE), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The credentials of «" + service + "» do not open with voronka.secrets.key: "
          + "sealed with another key or altered", e);
    }
  }

  private void requireKey() {
    if (key == null) {
      throw new DomainException(Kind.CONFLICT, "Ключ шифрования не задан (VORONKA_SECRETS_KEY): подключать сервисы "
          + "с сохранением ключей нельзя — задайте его и перезапустите Воронку");
    }
  }
}
