package ru.voronka.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import ru.voronka.messaging.ClientMessenger.MessageNotSentException;

/**
 * The Cloud API's Groups API. {@code POST /{version}/{phone-number-id}/groups} with the subject,
 * description and {@code join_approval_mode: approval_required} (so that Voronka decides who joins);
 * the answer's {@code request_id} is quoted by the {@code group_lifecycle_update} webhook that brings
 * the group id and invite link. Join requests are approved with {@code POST /{group-id}/join_requests}
 * and rejected with {@code DELETE} on the same path, both with {@code {"join_requests": [ids]}}.
 * Failures throw {@link MessageNotSentException}: the Camunda job that called retries what may pass.
 */
class CloudApiGroups implements GroupProvider {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CloudApiProperties properties;
  private final RestClient http;

  CloudApiGroups(CloudApiProperties properties) {
    this.properties = properties;
    this.http = ProviderHttp.bearer(properties.baseUrl(), properties.accessToken());
  }

  @Override
  public String name() {
    return CloudApiMessenger.PROVIDER;
  }

  @Override
  public String createGroup(String subject, String description) {
    Map<String, Object> body = Map.of("messaging_product", "whatsapp", "subject", cut(subject, 128),
        "description", cut(description, 2048), "join_approval_mode", "approval_required");
    JsonNode answer = call(HttpMethod.POST, "/" + properties.version() + "/" + properties.phoneNumberId() + "/groups", body);
    String requestId = answer.path("request_id").asText(answer.path("id").asText(""));
    if (requestId.isBlank()) {
      throw new MessageNotSentException("Cloud API не вернул request_id группы", null, true);
    }
    return requestId;
  }

  @Override
  public void approveJoin(String groupId, String joinRequestId) {
    call(HttpMethod.POST, "/" + properties.version() + "/" + groupId + "/join_requests",
        Map.of("messaging_product", "whatsapp", "join_requests", List.of(joinRequestId)));
  }

  @Override
  public void rejectJoin(String groupId, String joinRequestId) {
    call(HttpMethod.DELETE, "/" + properties.version() + "/" + groupId + "/join_requests",
        Map.of("messaging_product", "whatsapp", "join_requests", List.of(joinRequestId)));
  }

  private JsonNode call(HttpMethod method, String path, Map<String, Object> body) {
    try {
      JsonNode answer = http.method(method).uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
          .body(JsonNode.class);
      return answer == null ? JSON.createObjectNode() : answer;
    } catch (RestClientResponseException e) {
      JsonNode error = CloudApiMessenger.error(e.getResponseBodyAsString());
      boolean retryable = e.getStatusCode().value() == 429 || e.getStatusCode().is5xxServerError();
      throw new MessageNotSentException("Cloud API отказал (" + e.getStatusCode().value() + "): "
          + error.path("message").asText(e.getStatusText()), e, retryable);
    } catch (ResourceAccessException e) {
      throw new MessageNotSentException("Cloud API недоступен: " + e.getMessage(), e, true);
    }
  }

  private static String cut(String text, int max) {
    String value = text == null ? "" : text.strip();
    return value.length() <= max ? value : value.substring(0, max);
  }
}
