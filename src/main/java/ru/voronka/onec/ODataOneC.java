package ru.voronka.onec;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriUtils;
import ru.voronka.platform.RussianFormats;

/**
 * 1C's standard OData interface ({@code …/odata/standard.odata}), as published by a 1C:Управление
 * торговлей 11 base: the objects below must be in the publication's OData set.
 *
 * <ul>
 *   <li>{@code Catalog_Контрагенты}: {@code Ref_Key}, {@code ИНН};
 *   <li>{@code Document_КоммерческоеПредложениеКлиенту}: {@code Ref_Key}, {@code Number}, {@code Date},
 *       {@code Контрагент_Key}, {@code СуммаДокумента}, {@code DeletionMark} and the goods table
 *       {@code Товары} ({@code LineNumber}, {@code Номенклатура_Key}, {@code Количество}, {@code Цена});
 *   <li>{@code Catalog_Номенклатура}: {@code Code}, {@code Description}, {@code ЕдиницаИзмерения_Key};
 *   <li>{@code Catalog_УпаковкиЕдиницыИзмерения}: {@code Description};
 *   <li>{@code Task_ЗадачаИсполнителя}: {@code Ref_Key}, {@code Description}, {@code Описание},
 *       {@code СрокИсполнения}, {@code Executed}.
 * </ul>
 */
class ODataOneC implements OneC {

  private static final String EMPTY_REF = "00000000-0000-0000-0000-000000000000";
  /** Edm.DateTime always with seconds: LocalDateTime.toString() gives "2026-01-12T00:00" at midnight. */
  private static final DateTimeFormatter ODATA_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private final RestClient http;
  private final String root;

  private final Clock clock;

  ODataOneC(RestClient http, OneCProperties properties, Clock clock) {
    this.clock = clock;
    // Decoded because the URL is used as a template that gets encoded: a publication name copied
    // from a browser (%D1%82…) would otherwise be encoded twice.
    this.root = UriUtils.decode(properties.url(), StandardCharsets.UTF_8).replaceAll("/+$", "");
    String credentials = (properties.user() == null ? "" : properties.user()) + ":"
        + (properties.password() == null ? "" : properties.password());
    this.http = http.mutate()
        .defaultHeader(HttpHeaders.AUTHORIZATION,
            "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
        .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
        .build();
  }

  @Override
  public Optional<OneCKp> latestKp(String inn) {
    // A blank INN would match every contractor in 1C without one (individuals, foreigners).
    if (inn == null || inn.isBlank()) {
      return Optional.empty();
    }
    JsonNode clients = get("/Catalog_Контрагенты?$format=json&$select=Ref_Key&$filter={f}",
        "ИНН eq '" + inn.strip().replace("'", "''") + "' and DeletionMark eq false");
    if (clients.path("value").isEmpty()) {
      return Optional.empty();
    }
    // One INN is often several contractors in 1C (branches with their own КПП, duplicates): the
    // client's latest KP may sit on any of them.
    List<String> refs = new ArrayList<>();
    clients.path("value").forEach(c -> refs.add(c.path("Ref_Key").asText()));
    String anyOfThem = refs.stream().map(ref -> "Контрагент_Key eq guid'" + ref + "'")
        .collect(Collectors.joining(" or ", "(", ")"));
    JsonNode offers = get("/Document_КоммерческоеПредложениеКлиенту?$format=json&$orderby=Date desc&$top=1&$filter={f}",
        anyOfThem + " and DeletionMark eq false");
    if (offers.path("value").isEmpty()) {
      return Optional.empty();
    }
    JsonNode kp = offers.path("value").get(0);
    Map<String, JsonNode> goods = new HashMap<>();
    Map<String, String> units = new HashMap<>();
    List<OneCKpLine> lines = new ArrayList<>();
    for (JsonNode row : kp.path("Товары")) {
      JsonNode item = goods.computeIfAbsent(row.path("Номенклатура_Key").asText(),
          key -> get("/Catalog_Номенклатура(guid'{key}')?$format=json&$select=Code,Description,ЕдиницаИзмерения_Key", key));
      String unit = units.computeIfAbsent(item.path("ЕдиницаИзмерения_Key").asText(EMPTY_REF), this::unitName);
      lines.add(new OneCKpLine(row.path("LineNumber").asInt(), item.path("Code").asText().trim(),
          item.path("Description").asText(), unit, decimal(row, "Количество"), decimal(row, "Цена")));
    }
    return Optional.of(new OneCKp(kp.path("Ref_Key").asText(), kp.path("Number").asText().trim(),
        LocalDateTime.parse(kp.path("Date").asText()).toLocalDate(), decimal(kp, "СуммаДокумента"), lines));
  }

  private String unitName(String key) {
    if (EMPTY_REF.equals(key)) {
      return "";
    }
    return get("/Catalog_УпаковкиЕдиницыИзмерения(guid'{key}')?$format=json&$select=Description", key)
        .path("Description").asText();
  }

  /**
   * Idempotent by the task's subject (its {@code Description}): the job that calls this is retried,
   * and 1C may have created the task before its answer or our commit was lost — the logist must
   * not get it twice.
   */
  @Override
  public String createLogisticsTask(OneCLogisticsTask task) {
    JsonNode earlier = get("/Task_ЗадачаИсполнителя?$format=json&$select=Ref_Key&$top=1&$filter={f}",
        "Description eq '" + task.subject().replace("'", "''") + "' and DeletionMark eq false");
    if (!earlier.path("value").isEmpty()) {
      return earlier.path("value").get(0).path("Ref_Key").asText();
    }
    // 1C keeps local time without a zone; ours is Moscow whatever the server's zone is.
    Map<String, Object> body = Map.of(
        "Date", ODATA_DATE_TIME.format(LocalDateTime.now(clock)),
        "Description", task.subject(),
        "Описание", task.description() == null ? "" : task.description(),
        "СрокИсполнения", ODATA_DATE_TIME.format(task.dueDate().atStartOfDay()),
        "Executed", false);
    try {
      JsonNode created = http.post().uri(root + "/Task_ЗадачаИсполнителя?$format=json")
          .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class);
      String ref = created == null ? "" : created.path("Ref_Key").asText();
      if (ref.isBlank()) {
        throw new OneCUnavailableException("1С создала задачу, но не вернула её Ref_Key");
      }
      return ref;
    } catch (RestClientException e) {
      throw new OneCUnavailableException("1С не приняла задачу логисту: " + e.getMessage(), e);
    }
  }

  @Override
  public OneCTaskState logisticsTaskState(String ref) {
    return OneCTaskState.of(get("/Task_ЗадачаИсполнителя(guid'{ref}')?$format=json&$select=Ref_Key,Executed", ref)
        .path("Executed").asBoolean());
  }

  private JsonNode get(String path, Object... values) {
    try {
      JsonNode body = http.get().uri(root + path, values).retrieve().body(JsonNode.class);
      if (body == null) {
        throw new OneCUnavailableException("1С вернула пустой ответ на " + path);
      }
      return body;
    } catch (RestClientException e) {
      throw new OneCUnavailableException("1С не ответила на " + path + ": " + e.getMessage(), e);
    }
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return BigDecimal.ZERO;
    }
    // OData v3 JSON may carry Edm.Decimal as a string; decimalValue() would silently give 0.
    return value.isTextual() ? new BigDecimal(value.asText().strip()) : value.decimalValue();
  }

}
