package ru.voronka.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A client made from the API's own OpenAPI document: it calls an operation by its id — the method,
 * the path and the names of its parameters come from the document, never from the test — and checks
 * every answer against the document: the status must be one the operation declares, and the JSON body
 * must fit the declared schema (types, no undeclared fields). What the document does not describe
 * cannot be called.
 */
final class SpecClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Answer(int status, JsonNode body) {}

  private record Described(String path, HttpMethod method, Operation operation) {}

  private final OpenAPI api;
  private final MockMvc mvc;
  private final RequestPostProcessor user;
  private final Map<String, Described> operations = new LinkedHashMap<>();
  final List<String> violations;

  SpecClient(OpenAPI api, MockMvc mvc, RequestPostProcessor user, List<String> violations) {
    this.api = api;
    this.mvc = mvc;
    this.user = user;
    this.violations = violations;
    api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
        operations.put(operation.getOperationId(), new Described(path, HttpMethod.valueOf(method.name()), operation))));
  }

  SpecClient as(RequestPostProcessor other) {
    return new SpecClient(api, mvc, other, violations);
  }

  /** The operation served at this method and path template (operation ids are springdoc's, so tests find them by route). */
  String operationId(String method, String pathTemplate) {
    return operations.entrySet().stream()
        .filter(e -> e.getValue().path().equals(pathTemplate) && e.getValue().method().name().equals(method))
        .map(Map.Entry::getKey).findFirst()
        .orElseThrow(() -> new AssertionError("The OpenAPI document has no " + method + " " + pathTemplate));
  }

  Answer call(String method, String pathTemplate, Map<String, Object> parameters, Object body) throws Exception {
    Described d = operations.get(operationId(method, pathTemplate));
    String path = d.path();
    Map<String, Object> left = new LinkedHashMap<>(parameters);
    List<String[]> query = new ArrayList<>();
    for (Parameter p : d.operation().getParameters() == null ? List.<Parameter>of() : d.operation().getParameters()) {
      Object value = left.remove(p.getName());
      if (value == null) {
        if (Boolean.TRUE.equals(p.getRequired())) {
          throw new AssertionError(d.operation().getOperationId() + ": the required parameter «" + p.getName() + "» is missing");
        }
        continue;
      }
      if ("path".equals(p.getIn())) {
        path = path.replace("{" + p.getName() + "}", String.valueOf(value));
      } else if ("query".equals(p.getIn())) {
        query.add(new String[] {p.getName(), String.valueOf(value)});
      }
    }
    if (!left.isEmpty()) {
      throw new AssertionError(d.operation().getOperationId() + " declares no parameters " + left.keySet());
    }
    if (body != null && d.operation().getRequestBody() == null) {
      throw new AssertionError(d.operation().getOperationId() + " declares no request body");
    }
    MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(d.method(), path).with(user).with(csrf())
        .accept(org.springframework.http.MediaType.APPLICATION_JSON);
    query.forEach(q -> request.param(q[0], q[1]));
    if (body != null) {
      request.contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
    }
    MvcResult result = mvc.perform(request).andReturn();
    int status = result.getResponse().getStatus();
    String text = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    JsonNode json = text.isBlank() ? null : JSON.readTree(text);
    check(d, status, json);
    return new Answer(status, json);
  }

  private void check(Described d, int status, JsonNode json) {
    String where = d.method() + " " + d.path() + " → " + status;
    ApiResponse declared = d.operation().getResponses().get(String.valueOf(status));
    if (declared == null) {
      declared = d.operation().getResponses().get("default");
    }
    if (declared == null) {
      violations.add(where + ": status not declared (declared: " + d.operation().getResponses().keySet() + ")");
      return;
    }
    if (json == null || declared.getContent() == null || declared.getContent().isEmpty()) {
      return;
    }
    MediaType media = declared.getContent().values().iterator().next();
    if (media.getSchema() != null) {
      fits(where, "$", json, media.getSchema());
    }
  }

  /** The body against the (fully resolved) schema: types, properties, items. */
  private void fits(String where, String at, JsonNode node, Schema<?> schema) {
    if (node.isNull()) {
      return; // nullable fields are left out by the server; a null is never wrong enough to matter here
    }
    String type = type(schema);
    if (type == null) {
      return; // «any»
    }
    switch (type) {
      case "object" -> {
        if (!node.isObject()) {
          violations.add(where + ": " + at + " should be an object, is " + node.getNodeType());
          return;
        }
        Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        boolean open = schema.getAdditionalProperties() != null && !Boolean.FALSE.equals(schema.getAdditionalProperties());
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          var field = it.next();
          Schema<?> property = properties.get(field.getKey());
          if (property != null) {
            fits(where, at + "." + field.getKey(), field.getValue(), property);
          } else if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            fits(where, at + "." + field.getKey(), field.getValue(), values);
          } else if (!open && !properties.isEmpty()) {
            violations.add(where + ": " + at + "." + field.getKey() + " is not in the document");
          }
        }
        for (String required : schema.getRequired() == null ? List.<String>of() : schema.getRequired()) {
          if (!node.has(required)) {
            violations.add(where + ": " + at + "." + required + " is required by the document but missing");
          }
        }
      }
      case "array" -> {
        if (!node.isArray()) {
          violations.add(where + ": " + at + " should be an array, is " + node.getNodeType());
          return;
        }
        int i = 0;
        for (JsonNode item : node) {
          if (schema.getItems() != null) {
            fits(where, at + "[" + i++ + "]", item, schema.getItems());
          }
        }
      }
      case "string" -> {
        if (!node.isTextual()) {
          violations.add(where + ": " + at + " should be a string, is " + node.getNodeType());
        } else if (schema.getEnum() != null && !schema.getEnum().isEmpty() && !schema.getEnum().contains(node.asText())) {
          violations.add(where + ": " + at + " = «" + node.asText() + "» is not one of " + schema.getEnum());
        }
      }
      case "integer" -> {
        if (!node.isIntegralNumber()) {
          violations.add(where + ": " + at + " should be an integer, is " + node.getNodeType());
        }
      }
      case "number" -> {
        if (!node.isNumber()) {
          violations.add(where + ": " + at + " should be a number, is " + node.getNodeType());
        }
      }
      case "boolean" -> {
        if (!node.isBoolean()) {
          violations.add(where + ": " + at + " should be a boolean, is " + node.getNodeType());
        }
      }
      default -> { }
    }
  }

  private static String type(Schema<?> schema) {
    if (schema.getType() != null) {
      return schema.getType();
    }
    Set<String> types = schema.getTypes();
    if (types != null && !types.isEmpty()) {
      return types.stream().filter(t -> !t.equals("null")).findFirst().orElse(null);
    }
    return schema.getProperties() != null ? "object" : null;
  }
}
