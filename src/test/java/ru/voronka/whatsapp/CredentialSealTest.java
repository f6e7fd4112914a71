package ru.voronka.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import ru.voronka.platform.web.DomainException;

/** The services' credentials are sealed with AES-256-GCM: nothing of the secret shows, and a sealed value opens only where it was sealed. */
class CredentialSealTest {

  static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
  static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

  @Test
  void aSealedValueHidesTheSecret_differsEachTime_andOpensWithTheKeyForItsService() {
    CredentialSeal seal = new CredentialSeal(KEY);
    String secret = "{\"apiKey\":\"wz-3f9a1c77e0b24d5c\"}";
    String once = seal.seal("wazzup", secret);
    String twice = seal.seal("wazzup", secret);

    assertThat(once).startsWith("v1:").doesNotContain("wz-3f9a1c77e0b24d5c").doesNotContain("apiKey");
    assertThat(once).as("a fresh nonce each time").isNotEqualTo(twice);
    assertThat(seal.open("wazzup", once)).isEqualTo(secret);
    assertThatThrownBy(() -> seal.open("cloud", once)).as("moved onto another service's row")
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new CredentialSeal(OTHER_KEY).open("wazzup", once)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("another key");
  }

  @Test
  void aTamperedValueDoesNotOpen() {
    CredentialSeal seal = new CredentialSeal(KEY);
    byte[] sealed = Base64.getDecoder().decode(seal.seal("i2crm", "token-1").substring(3));
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> seal.open("i2crm", "v1:" + Base64.getEncoder().encodeToString(sealed)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void withoutAKeyNothingIsSealed_andAWrongKeyStopsTheStart() {
    assertThat(new CredentialSeal("").ready()).isFalse();
    assertThatThrownBy(() -> new CredentialSeal("").seal("wazzup", "x")).isInstanceOf(DomainException.class)
        .hasMessageContaining("VORONKA_SECRETS_KEY");
    assertThatThrownBy(() -> new CredentialSeal("c2hvcnQ=")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("32 bytes");
  }
}
