package ru.voronka.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.stereotype.Component;
import ru.voronka.chat.Upload;

/**
 * Fetches a client's file from its provider so it is kept with the message (the provider's link
 * expires) — from the media job, never inside a webhook. Wazzup hands a plain {@code contentUri}; the
 * Cloud API a media id, resolved with the token at the configured Graph API to a short-lived URL that
 * needs the token too. Every link is checked first ({@link MediaSources}); redirects are not
 * followed; the body is streamed and given up as soon as it passes the size limit.
 *
 * <p>{@link MediaSources.Refused}: no retry helps (not allowed, too large, the provider says no such
 * file). {@link IOException}: the provider stumbled — the job tries again later.
 */
@Component
class MediaDownloader {

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
  private final java.util.function.Supplier<CloudApiProperties> cloudAccount;
  private final MediaSources sources;
  private final long maxBytes;
  private final ObjectMapper json;

  /**
   * A Cloud API media id is read with the token of the account the message came to: the one connected on
   * «Сервисы WhatsApp» when there is one (it takes the environment's place there too), else the environment's.
   */
  @org.springframework.beans.factory.annotation.Autowired
  MediaDownloader(WhatsAppServices services, CloudApiProperties environment, MediaProperties media, ObjectMapper json) {
    this(() -> services.adapter(WhatsAppServices.CLOUD, null).filter(CloudApiMessenger.class::isInstance)
        .map(adapter -> ((CloudApiMessenger) adapter).properties()).orElse(environment), media, json);
  }

  MediaDownloader(java.util.function.Supplier<CloudApiProperties> cloudAccount, MediaProperties media, ObjectMapper json) {
    this.cloudAccount = cloudAccount;
    this.sources = new MediaSources(media);
    this.maxBytes = media.maxBytes();
    this.json = json;
  }

  Upload download(InboundMessage.MediaRef media) throws MediaSources.Refused, IOException, InterruptedException {
    String url = media.url();
    String token = null;
    String type = null;
    if (media.cloudMediaId() != null) {
      CloudApiProperties cloud = cloudAccount.get();
      token = cloud.accessToken();
      JsonNode info;
      try (InputStream meta = get(URI.create(cloud.baseUrl() + "/" + cloud.version() + "/" + media.cloudMediaId()), token).body()) {
        info = json.readTree(meta.readNBytes(64 * 1024));
      }
      url = info.path("url").asText(null);
      type = info.path("mime_type").asText(null);
      if (url == null) {
        throw new MediaSources.Refused("Cloud API не выдал ссылку на файл " + media.cloudMediaId());
      }
      if (info.path("file_size").asLong(0) > maxBytes) {
        throw new MediaSources.Refused(tooLarge());
      }
    }
    URI checked = sources.check(media.provider(), url);
    HttpResponse<InputStream> file = get(checked, token);
    if (file.headers().firstValueAsLong("Content-Length").orElse(0) > maxBytes) {
      file.body().close();
      throw new MediaSources.Refused(tooLarge());
    }
    byte[] content;
    try (InputStream in = file.body()) {
      content = in.readNBytes((int) maxBytes + 1);
    }
    if (content.length > maxBytes) {
      throw new MediaSources.Refused(tooLarge());
    }
    String contentType = file.headers().firstValue("Content-Type").orElse(type != null ? type : "application/octet-stream");
    return new Upload(media.fileName() != null ? media.fileName() : fileName(checked), contentType, content);
  }

  private HttpResponse<InputStream> get(URI uri, String token) throws MediaSources.Refused, IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    int status = response.statusCode();
    if (status != 200) {
      response.body().close();
      if (status == 408 || status == 429 || status >= 500) {
        throw new IOException("провайдер ответил " + status);
      }
      throw new MediaSources.Refused("провайдер ответил " + status);
    }
    return response;
  }

  private String tooLarge() {
    return "файл больше " + maxBytes / (1024 * 1024) + " МБ";
  }

  private static String fileName(URI uri) {
    String path = uri.getPath();
    String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    return last.isBlank() ? "файл" : last;
  }
}
