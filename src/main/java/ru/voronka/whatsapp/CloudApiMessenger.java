package ru.voronka.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import ru.voronka.directory.PhoneNumbers;
import ru.voronka.messaging.ClientMessenger;

/**
 * Sends through the Cloud API: {@code POST /{version}/{phone-number-id}/messages}; the answer's
 * {@code messages[0].id} (the wamid) identifies it in the status webhooks. A file is uploaded first
 * ({@code POST /{phone-number-id}/media}, multipart) and sent as an {@code image} or {@code document}
 * message by the media id. Outside the 24-hour window after the client's last message only an approved
 * template may go ({@code type: template}); free text or a file is refused here when the outbox knows the
 * client has been silent that long, else by Meta with error 131047 — no retry helps either way. Rate
 * limits (130429, HTTP 429) and server errors may be retried. The Cloud API takes no idempotency key,
 * so a retry after a lost answer may send twice.
 */
class CloudApiMessenger implements ClientMessenger {

  static final String PROVIDER = "cloud";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger log = LoggerFactory.getLogger(CloudApiMessenger.class);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\d+)}}");
  /** Templates change rarely (Meta reviews them): read at most this often, not on every chat page. */
  private static final long TEMPLATES_KEPT_NANOS = 5L * 60 * 1_000_000_000L;

  private final CloudApiProperties properties;
  private final RestClient http;
  private volatile List<MessageTemplate> templates;
  private volatile long templatesReadAt;

  /** The account this adapter speaks for (its token reads the media sent to it). */
  CloudApiProperties properties() {
    return properties;
  }

  CloudApiMessenger(CloudApiProperties properties) {
    this.properties = properties;
    this.http = ProviderHttp.bearer(properties.baseUrl(), properties.accessToken());
  }

  @Override
  public SentMessage send(OutgoingMessage message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("messaging_product", "whatsapp");
    if (message.isToGroup()) { // the Groups API: the same call, addressed to the group
      body.put("recipient_type", "group");
      body.put("to", message.groupId());
    } else {
      String phone = PhoneNumbers.e164(message.phone());
      if (phone == null) {
        throw new MessageNotSentException("Номер «" + message.phone() + "» не похож на телефон", null, false);
      }
      body.put("recipient_type", "individual");
      body.put("to", phone.substring(1));
    }
    if (message.template() != null) {
      body.put("type", "template");
      body.put("template", template(message.template()));
    } else if (!message.isToGroup() && message.outsideServiceWindow()) {
      throw new MessageNotSentException(OutgoingMessage.NEVER_WROTE.equals(message.clientSilentFor())
          ? "клиент ещё не писал в WhatsApp — первое сообщение отправьте шаблоном" : WINDOW_CLOSED, null, false); // Meta: 131047
    } else if (message.isFile()) {
      String kind = message.file().isImage() ? "image" : "document";
      Map<String, Object> media = new LinkedHashMap<>();
      media.put("id", upload(message.file()));
      if (kind.equals("document")) {
        media.put("filename", message.file().fileName());
      }
      body.put("type", kind);
      body.put(kind, media);
    } else {
      body.put("type", "text");
      body.put("text", message.isToGroup() ? Map.of("body", message.text())
          : Map.of("preview_url", false, "body", message.text()));
    }
    JsonNode answer = call(() -> http.post().uri("/{version}/{phone}/messages", properties.version(), properties.phoneNumberId())
        .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class));
    String wamid = answer == null ? "" : answer.path("messages").path(0).path("id").asText("");
    if (wamid.isEmpty()) {
      throw new MessageNotSentException("Cloud API не вернул id сообщения", null, true);
    }
    return new SentMessage(PROVIDER, PROVIDER + ":" + wamid);
  }

  /** {@code template: {name, language: {code}, components: [{type: body, parameters: [{type: text, text}]}]}}. */
  private static Map<String, Object> template(TemplateMessage template) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", template.name());
    body.put("language", Map.of("code", template.language()));
    if (!template.parameters().isEmpty()) {
      List<Map<String, Object>> parameters = template.parameters().stream()
          .map(value -> Map.<String, Object>of("type", "text", "text", value)).toList();
      body.put("components", List.of(Map.of("type", "body", "parameters", parameters)));
    }
    return body;
  }

  /** {@code POST /{version}/{phone-number-id}/media}: the file, its type and {@code messaging_product}; answered {@code {"id"}}. */
  private String upload(OutgoingFile file) {
    MultipartBodyBuilder parts = new MultipartBodyBuilder();
    parts.part("messaging_product", "whatsapp");
    parts.part("type", file.contentType());
    parts.part("file", new ByteArrayResource(file.content()) {
      @Override
      public String getFilename() {
        return file.fileName();
      }
    }).contentType(MediaType.parseMediaType(file.contentType() == null ? "application/octet-stream" : file.contentType()));
    JsonNode answer = call(() -> http.post().uri("/{version}/{phone}/media", properties.version(), properties.phoneNumberId())
        .contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build()).retrieve().body(JsonNode.class));
    String id = answer == null ? "" : answer.path("id").asText("");
    if (id.isEmpty()) {
      throw new MessageNotSentException("Cloud API не вернул id файла «" + file.fileName() + "»", null, true);
    }
    return id;
  }

  /**
   * {@code GET /{version}/{waba-id}/message_templates?status=APPROVED}: the approved templates with their
   * body text. No business account configured, or Meta not answering: none (the chat says so).
   */
  @Override
  public List<MessageTemplate> templates() {
    if (properties.businessAccountId() == null || properties.businessAccountId().isBlank()) {
      return List.of();
    }
    List<MessageTemplate> kept = templates;
    if (kept != null && System.nanoTime() - templatesReadAt < TEMPLATES_KEPT_NANOS) {
      return kept;
    }
    try {
      JsonNode answer = http.get().uri("/{version}/{waba}/message_templates?status=APPROVED&limit=100"
              + "&fields=name,language,status,category,components", properties.version(), properties.businessAccountId())
          .retrieve().body(JsonNode.class);
      List<MessageTemplate> read = new ArrayList<>();
      if (answer != null) {
        answer.path("data").forEach(t -> {
          if (!"APPROVED".equalsIgnoreCase(t.path("status").asText("APPROVED"))) {
            return;
          }
          String text = "";
          for (JsonNode component : t.path("components")) {
            if ("BODY".equalsIgnoreCase(component.path("type").asText())) {
              text = component.path("text").asText("");
            }
          }
          read.add(new MessageTemplate(t.path("name").asText(), t.path("language").asText(), t.path("category").asText(""),
              text, placeholders(text)));
        });
      }
      templates = List.copyOf(read);
      templatesReadAt = System.nanoTime();
      return templates;
    } catch (RestClientResponseException | ResourceAccessException e) {
      log.warn("Cloud API templates not read: {}", e.getMessage());
      templates = kept == null ? List.of() : kept; // Meta down: not asked again on every chat page until the period ends
      templatesReadAt = System.nanoTime();
      return templates;
    }
  }

  /** The highest {{n}} of a template's body: how many parameters it takes. */
  static int placeholders(String text) {
    int highest = 0;
    Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
    while (m.find()) {
      highest = Math.max(highest, Integer.parseInt(m.group(1)));
    }
    return highest;
  }

  /** One call to the Graph API, its refusals as the chat should show them. */
  private static JsonNode call(Supplier<JsonNode> request) {
    try {
      return request.get();
    } catch (RestClientResponseException e) {
      JsonNode error = error(e.getResponseBodyAsString());
      int code = error.path("code").asInt(0);
      if (code == 131047) { // «Re-engagement message»: the client has not written for 24 hours
        throw new MessageNotSentException(WINDOW_CLOSED + " (Cloud API, код 131047)", e, false);
      }
      String text = error.path("message").asText(e.getStatusText());
      boolean retryable = e.getStatusCode().value() == 429 || e.getStatusCode().is5xxServerError() || code == 130429
          || code == 131016;
      throw new MessageNotSentException("Cloud API отказал (" + e.getStatusCode().value() + (code == 0 ? "" : ", код " + code)
          + "): " + text, e, retryable);
    } catch (ResourceAccessException e) {
      throw new MessageNotSentException("Cloud API недоступен: " + e.getMessage(), e, true);
    }
  }

  /**
   * The sender number behind the phone number id ({@code GET /{version}/{phone-number-id}} with
   * {@code display_phone_number}, {@code verified_name}, {@code status}): the connection's check and its
   * one channel. A number Meta reports {@code CONNECTED} (or without a status) is active.
   */
  ProviderChannel phoneNumber() {
    JsonNode answer = http.get().uri("/{version}/{phone}?fields=display_phone_number,verified_name,quality_rating,status",
        properties.version(), properties.phoneNumberId()).retrieve().body(JsonNode.class);
    JsonNode number = answer == null ? JSON.createObjectNode() : answer;
    String digits = number.path("display_phone_number").asText("").replaceAll("\\D", "");
    String status = number.path("status").asText("CONNECTED");
    return new ProviderChannel(properties.phoneNumberId(), digits.isEmpty() ? null : "+" + digits,
        "CONNECTED".equalsIgnoreCase(status) ? "active" : status.toLowerCase(java.util.Locale.ROOT),
        number.path("verified_name").asText(null));
  }

  /** Meta's error object of a refusal ({@code {"error": {"code", "message", …}}}), empty when there is none. */
  static JsonNode error(String body) {
    try {
      return JSON.readTree(body == null || body.isBlank() ? "{}" : body).path("error");
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
