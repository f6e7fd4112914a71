package ru.voronka.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * What every provider's webhook does before it knows who sent it: the raw body, read at most up to
 * {@code voronka.webhooks.max-body-bytes} (1 MB by default — the providers' deliveries are a few
 * kilobytes; files come by link). A declared length over the limit is refused with 413 before a byte
 * is read; a chunked body is read only until it passes the limit. So no unauthenticated sender makes
 * us buffer more than that, and the signature check gets the bytes exactly as they came.
 */
@Component
class WebhookBodies {

  private final int limit;
  private final ObjectMapper json;

  WebhookBodies(@Value("${voronka.webhooks.max-body-bytes:1048576}") int limit, ObjectMapper json) {
    this.limit = limit;
    this.json = json;
  }

  byte[] read(HttpServletRequest request) {
    if (request.getContentLengthLong() > limit) {
      throw tooLarge();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(limit + 1);
      if (body.length > limit) {
        throw tooLarge();
      }
      return body;
    } catch (IOException e) {
      throw new DomainException(Kind.INVALID, "Тело вебхука не прочитано: " + e.getMessage());
    }
  }

  /** The body as a JSON object; anything else is a 400 that stores nothing. */
  JsonNode object(byte[] body) {
    try {
      JsonNode root = body.length == 0 ? null : json.readTree(body);
      if (root == null || !root.isObject()) {
        throw new DomainException(Kind.INVALID, "Тело вебхука должно быть JSON-объектом");
      }
      return root;
    } catch (IOException e) {
      throw new DomainException(Kind.INVALID, "Тело вебхука — не JSON");
    }
  }

  private DomainException tooLarge() {
    return new DomainException(Kind.TOO_LARGE, "Тело вебхука больше " + limit + " байт");
  }
}
