package ru.voronka.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.stereotype.Component;
import ru.voronka.chat.Upload;

/**
 * Fetches a message's file from its provider so it is kept with the message (the provider's link
 * expires): Wazzup hands a plain {@code contentUri}; the Cloud API a media id, resolved with the
 * token to a short-lived URL that needs the token too. At most 10 MB, ten seconds.
 */
@Component
class MediaDownloader {

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
  private final CloudApiProperties cloud;
  private final ObjectMapper json;

  MediaDownloader(CloudApiProperties cloud, ObjectMapper json) {
    this.cloud = cloud;
    this.json = json;
  }

  /** @throws IOException with a reason a person can read when the file could not be fetched */
  Upload download(InboundMessage.MediaRef media) throws IOException, InterruptedException {
    String url = media.url();
    String token = null;
    if (media.cloudMediaId() != null) {
      token = cloud.accessToken();
      HttpResponse<byte[]> meta = get(cloud.baseUrl() + "/" + cloud.version() + "/" + media.cloudMediaId(), token);
      JsonNode info = json.readTree(meta.body());
      url = info.path("url").asText(null);
      if (url == null) {
        throw new IOException("Cloud API не выдал ссылку на файл " + media.cloudMediaId());
      }
    }
    HttpResponse<byte[]> file = get(url, token);
    byte[] content = file.body();
    if (content.length > Upload.MAX_BYTES) {
      throw new IOException("файл больше 10 МБ");
    }
    String type = file.headers().firstValue("Content-Type").orElse("application/octet-stream");
    return new Upload(media.fileName() != null ? media.fileName() : fileName(url), type, content);
  }

  private HttpResponse<byte[]> get(String url, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("провайдер ответил " + response.statusCode());
    }
    return response;
  }

  private static String fileName(String url) {
    String path = URI.create(url).getPath();
    String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    return last.isBlank() ? "файл" : last;
  }
}
