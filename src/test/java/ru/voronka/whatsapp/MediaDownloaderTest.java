package ru.voronka.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The media job's fetch against stand-ins shaped like the providers: Wazzup's {@code contentUri},
 * the Cloud API's media id resolved at the Graph API (documented answer: {@code url}, {@code mime_type},
 * {@code file_size}) and fetched with the token; sizes capped while streaming; no redirects.
 */
class MediaDownloaderTest {

  static final int LIMIT = 1000;

  WireMockServer provider = new WireMockServer(wireMockConfig().dynamicPort());
  MediaDownloader downloader;

  @BeforeEach
  void start() {
    provider.start();
    MediaProperties media = new MediaProperties((long) LIMIT, Map.of("wazzup", List.of("localhost"), "cloud", List.of("localhost")),
        true);
    downloader = new MediaDownloader(() -> new CloudApiProperties(provider.baseUrl(), "v21.0", "106540352242922", "cloud-token", null, null),
        media, new ObjectMapper());
  }

  @AfterEach
  void stop() {
    provider.stop();
  }

  InboundMessage.MediaRef wazzup(String path) {
    return InboundMessage.MediaRef.url("wazzup", provider.baseUrl() + path);
  }

  @Test
  void aWazzupFileIsFetchedWithItsTypeAndName() throws Exception {
    provider.stubFor(get("/files/rekvizity.pdf").willReturn(aResponse().withHeader("Content-Type", "application/pdf")
        .withBody(new byte[] {'%', 'P', 'D', 'F'})));
    var file = downloader.download(wazzup("/files/rekvizity.pdf"));
    assertThat(file.fileName()).isEqualTo("rekvizity.pdf");
    assertThat(file.contentType()).isEqualTo("application/pdf");
    assertThat(file.content()).hasSize(4);
  }

  @Test
  void aCloudApiMediaIdIsResolvedAndFetchedWithTheToken() throws Exception {
    provider.stubFor(get("/v21.0/1003383421387256").willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("""
            {"messaging_product": "whatsapp", "url": "%s/whatsapp_business/attachments/?mid=1003383421387256",
             "mime_type": "image/jpeg", "sha256": "abc", "file_size": "4", "id": "1003383421387256"}"""
            .formatted(provider.baseUrl()))));
    provider.stubFor(get(urlEqualTo("/whatsapp_business/attachments/?mid=1003383421387256"))
        .withHeader("Authorization", equalTo("Bearer cloud-token"))
        .willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(new byte[] {1, 2, 3, 4})));
    var file = downloader.download(InboundMessage.MediaRef.cloud("1003383421387256", null));
    assertThat(file.content()).containsExactly(1, 2, 3, 4);
    assertThat(file.contentType()).isEqualTo("image/jpeg");
  }

  @Test
  void aFileOverTheLimitIsRefused_whetherItSaysItsSizeOrNot() {
    byte[] big = new byte[LIMIT + 1];
    Arrays.fill(big, (byte) 'x');
    provider.stubFor(get("/files/said.bin").willReturn(aResponse().withBody(big)));
    provider.stubFor(get("/files/chunked.bin").willReturn(aResponse().withBody(big).withChunkedDribbleDelay(4, 20)));
    assertThatThrownBy(() -> downloader.download(wazzup("/files/said.bin")))
        .isInstanceOf(MediaSources.Refused.class).hasMessageContaining("больше");
    assertThatThrownBy(() -> downloader.download(wazzup("/files/chunked.bin")))
        .isInstanceOf(MediaSources.Refused.class).hasMessageContaining("больше");
  }

  @Test
  void aRedirectIsNotFollowed_andAMissingFileIsRefusedForGood() {
    provider.stubFor(get("/files/moved.pdf").willReturn(aResponse().withStatus(302)
        .withHeader("Location", "http://169.254.169.254/latest/meta-data/")));
    provider.stubFor(get("/files/gone.pdf").willReturn(aResponse().withStatus(404)));
    assertThatThrownBy(() -> downloader.download(wazzup("/files/moved.pdf")))
        .isInstanceOf(MediaSources.Refused.class).hasMessageContaining("302");
    assertThatThrownBy(() -> downloader.download(wazzup("/files/gone.pdf")))
        .isInstanceOf(MediaSources.Refused.class).hasMessageContaining("404");
  }

  @Test
  void aProviderThatStumblesIsWorthAnotherTry() {
    provider.stubFor(get("/files/later.pdf").willReturn(aResponse().withStatus(503)));
    assertThatThrownBy(() -> downloader.download(wazzup("/files/later.pdf"))).isInstanceOf(IOException.class)
        .hasMessageContaining("503");
  }

  @Test
  void aLinkOffTheProvidersHostsIsNeverRequested() {
    assertThatThrownBy(() -> downloader.download(InboundMessage.MediaRef.url("wazzup", "https://example.com/x.pdf")))
        .isInstanceOf(MediaSources.Refused.class);
    assertThatThrownBy(() -> downloader.download(InboundMessage.MediaRef.url("i2crm", provider.baseUrl() + "/files/x.pdf")))
        .isInstanceOf(MediaSources.Refused.class);
    provider.verify(0, anyRequestedFor(anyUrl()));
    provider.verify(0, getRequestedFor(urlEqualTo("/files/x.pdf")));
  }
}
