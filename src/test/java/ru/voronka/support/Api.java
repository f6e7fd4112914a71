package ru.voronka.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.function.Predicate;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Voronka's REST API as one user sees it, for integration tests that speak the business. */
public final class Api {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate rest;
  private final String user;
  private final String password;

  public Api(TestRestTemplate rest, String user, String password) {
    this.rest = rest;
    this.user = user;
    this.password = password;
  }

  public Api as(String otherUser, String otherPassword) {
    return new Api(rest, otherUser, otherPassword);
  }

  public Response get(String path) {
    return call(HttpMethod.GET, path, null);
  }

  public Response post(String path, Object body) {
    return call(HttpMethod.POST, path, body);
  }

  public Response put(String path, Object body) {
    return call(HttpMethod.PUT, path, body);
  }

  public Response call(HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, password, java.nio.charset.StandardCharsets.UTF_8);
    }
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    ResponseEntity<String> response = rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    return new Response(response.getStatusCode().value(), response.getBody());
  }

  /** Polls until the answer satisfies the condition (jobs run on the job executor's threads). */
  public JsonNode await(String path, Predicate<JsonNode> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      Response r = get(path);
      if (r.status() == 200) {
        last = r.json();
        if (condition.test(last)) {
          return last;
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("Не дождались " + path + "; последний ответ: " + last);
  }

  public record Response(int status, String body) {
    public JsonNode json() {
      try {
        return body == null ? JSON.nullNode() : JSON.readTree(body);
      } catch (Exception e) {
        throw new AssertionError("Not JSON: " + body, e);
      }
    }

    public Response expect(int expected) {
      assertThat(status).as("HTTP status of %s", body).isEqualTo(expected);
      return this;
    }

    public String detail() {
      return json().path("detail").asText();
    }
  }
}
