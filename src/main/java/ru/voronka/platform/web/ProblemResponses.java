package ru.voronka.platform.web;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The refusals every API operation may answer, in the OpenAPI document: {@link ProblemHandler} turns
 * them into RFC 9457 problem details for all of {@code /api} at once, so springdoc cannot see them on
 * the operations; a client generated from the document must know them.
 */
@Component
class ProblemResponses implements OpenApiCustomizer {

  private static final Map<String, String> REFUSALS = new LinkedHashMap<>();

  static {
    REFUSALS.put("400", "Неверные данные: что не так — в detail");
    REFUSALS.put("401", "Нужен вход (HTTP Basic)");
    REFUSALS.put("403", "Недостаточно прав");
    REFUSALS.put("404", "Не найдено или недоступно этому пользователю");
    REFUSALS.put("409", "Конфликт с текущим состоянием (сделка закрыта, задача уже выполнена, данные изменил другой)");
    REFUSALS.put("500", "Внутренняя ошибка сервера");
  }

  @Override
  public void customise(io.swagger.v3.oas.models.OpenAPI api) {
    Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details, detail — по-русски")
        .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema());
    problem.setAdditionalProperties(true);
    api.getComponents().addSchemas("Problem", problem);
    if (api.getPaths() == null) {
      return;
    }
    api.getPaths().forEach((path, item) -> {
      if (!path.startsWith("/api/")) {
        return;
      }
      item.readOperations().forEach(operation -> REFUSALS.forEach((status, description) -> {
        if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
          operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
              .content(new Content().addMediaType("application/problem+json",
                  new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
        }
      }));
    });
  }
}
