package ru.voronka.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Links from webhooks are followed only over HTTPS, to the provider's own hosts, at public addresses. */
class MediaSourcesTest {

  MediaSources sources = new MediaSources(new MediaProperties(null, Map.of(
      "wazzup", List.of("*.wazzup24.com"),
      "cloud", List.of("localhost", "127.0.0.1", "10.0.0.5", "169.254.169.254", "[::1]", "100.64.0.1", "192.168.1.10",
          "[fd00::1]", "0.0.0.0", "[::ffff:127.0.0.1]")), false));

  @Test
  void onlyHttps() {
    assertThatThrownBy(() -> sources.check("wazzup", "http://store.wazzup24.com/f.pdf"))
        .isInstanceOf(MediaSources.Refused.class).hasMessageContaining("HTTPS");
    assertThatThrownBy(() -> sources.check("wazzup", "ftp://store.wazzup24.com/f.pdf")).isInstanceOf(MediaSources.Refused.class);
  }

  @Test
  void onlyTheProvidersOwnHosts() {
    assertThatThrownBy(() -> sources.check("wazzup", "https://evil.example.com/f.pdf"))
        .isInstanceOf(MediaSources.Refused.class).hasMessageContaining("evil.example.com");
    assertThatThrownBy(() -> sources.check("wazzup", "https://wazzup24.com.evil.example/f.pdf"))
        .isInstanceOf(MediaSources.Refused.class);
    assertThatThrownBy(() -> sources.check("i2crm", "https://store.wazzup24.com/f.pdf")) // another provider's host
        .isInstanceOf(MediaSources.Refused.class);
    assertThatThrownBy(() -> sources.check("wazzup", "https://user@store.wazzup24.com/f.pdf"))
        .isInstanceOf(MediaSources.Refused.class);
  }

  @Test
  void neverALoopbackPrivateLinkLocalOrUnspecifiedAddress_evenOnTheList() {
    for (String host : List.of("localhost", "127.0.0.1", "10.0.0.5", "169.254.169.254", "[::1]", "100.64.0.1", "192.168.1.10",
        "[fd00::1]", "0.0.0.0", "[::ffff:127.0.0.1]")) {
      assertThatThrownBy(() -> sources.check("cloud", "https://" + host + "/media"))
          .as(host).isInstanceOf(MediaSources.Refused.class).hasMessageContaining("внутренней сети");
    }
  }

  @Test
  void aPublicAddressOfTheProviderIsFollowed() throws Exception {
    assertThat(MediaSources.isPublic(java.net.InetAddress.getByName("157.240.1.1"))).isTrue();
    assertThat(MediaSources.isPublic(java.net.InetAddress.getByName("2a03:2880::1"))).isTrue();
  }
}
