package ru.voronka.onec;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.UrlPathPattern;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriUtils;
import ru.voronka.onec.OneCProperties.Mode;
import ru.voronka.support.TestClock;

/** The OData adapter against a stub that answers like a published 1C:УТ 11 base. */
class ODataOneCTest {

  @RegisterExtension
  static WireMockExtension onec = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String ODATA = "/trade/odata/standard.odata";
  private static final String CLIENT = "6f1e2c1a-5b7d-11ef-8e4a-005056a1b2c3";
  private static final String BRANCH = "7a2f3d2b-5b7d-11ef-8e4a-005056a1b2c3";
  private static final String KP = "b3c0d1e2-6a1f-11ef-8e4a-005056a1b2c3";
  private static final String SENSOR = "11111111-6a1f-11ef-8e4a-005056a1b2c3";
  private static final String CABLE = "22222222-6a1f-11ef-8e4a-005056a1b2c3";
  private static final String PIECE = "aaaaaaaa-6a1f-11ef-8e4a-005056a1b2c3";
  private static final String METRE = "bbbbbbbb-6a1f-11ef-8e4a-005056a1b2c3";
  private static final String TASK = "c4d5e6f7-7b2a-11ef-8e4a-005056a1b2c3";

  /** 1C has no task with the subject yet: the adapter looks before it creates. */
  private static void noTaskYet() {
    onec.stubFor(get(odata("/Task_ЗадачаИсполнителя")).willReturn(okJson("{\"value\": []}")));
  }

  private OneC oneC(Duration timeout) {
    var properties = new OneCProperties(Mode.ODATA, onec.baseUrl() + ODATA + "/", "Обмен", "секрет", timeout);
    return new OneCConfig().oneC(properties, RestClient.builder(), TestClock.INSTANCE);
  }

  private final OneC oneC = oneC(Duration.ofSeconds(5));

  private static String metadata(String set) {
    return "\"odata.metadata\": \"http://1c.example.ru" + ODATA + "/$metadata#" + set + "\"";
  }

  private static void contractors(String inn, String... refs) {
    StringBuilder rows = new StringBuilder();
    for (String ref : refs) {
      rows.append(rows.isEmpty() ? "" : ",").append("{\"Ref_Key\": \"").append(ref).append("\"}");
    }
    onec.stubFor(get(odata("/Catalog_Контрагенты"))
        .withQueryParam("$filter", equalTo("ИНН eq '" + inn + "' and DeletionMark eq false"))
        .willReturn(okJson("{" + metadata("Catalog_Контрагенты") + ", \"value\": [" + rows + "]}")));
  }

  private static void offers(String json) {
    onec.stubFor(get(odata("/Document_КоммерческоеПредложениеКлиенту"))
        .willReturn(okJson("{" + metadata("Document_КоммерческоеПредложениеКлиенту") + ", \"value\": [" + json + "]}")));
  }

  private static void element(String set, String key, String json) {
    onec.stubFor(get(odata("/" + set + "(guid'" + key + "')"))
        .willReturn(okJson("{" + metadata(set + "/@Element") + ", " + json + "}")));
  }

  private static final String OFFER = """
      {
        "Ref_Key": "%s", "DataVersion": "AAAAAgAAAAA=", "DeletionMark": false,
        "Number": "УТ-00000123", "Date": "2025-03-12T00:00:00", "Posted": false,
        "Контрагент_Key": "%s", "Валюта_Key": "9e1a4c8e-5b7d-11ef-8e4a-005056a1b2c3",
        "СуммаДокумента": 129520.5, "ЦенаВключаетНДС": true,
        "Товары": [
          {"Ref_Key": "%1$s", "LineNumber": "1", "Номенклатура_Key": "%s", "Количество": 3,
           "Цена": 18400, "Сумма": 55200, "СтавкаНДС": "НДС20"},
          {"Ref_Key": "%1$s", "LineNumber": "2", "Номенклатура_Key": "%s", "Количество": 0.5,
           "Цена": 96.5, "Сумма": 48.25, "СтавкаНДС": "НДС20"},
          {"Ref_Key": "%1$s", "LineNumber": "3", "Номенклатура_Key": "%3$s", "Количество": "4",
           "Цена": "18400.00", "Сумма": 73600, "СтавкаНДС": "НДС20"}
        ]
      }""".formatted(KP, BRANCH, SENSOR, CABLE);

  private static void goods() {
    element("Catalog_Номенклатура", SENSOR,
        "\"Code\": \"00-00000112\", \"Description\": \"Преобразователь давления ПД-100\", \"ЕдиницаИзмерения_Key\": \"" + PIECE + "\"");
    element("Catalog_Номенклатура", CABLE,
        "\"Code\": \"00-00000245 \", \"Description\": \"Кабель КВВГнг(А)-LS 4×1,5\", \"ЕдиницаИзмерения_Key\": \"" + METRE + "\"");
    element("Catalog_УпаковкиЕдиницыИзмерения", PIECE, "\"Description\": \"шт\"");
    element("Catalog_УпаковкиЕдиницыИзмерения", METRE, "\"Description\": \"м\"");
  }

  @Test
  void the_latest_kp_comes_with_its_goods_units_and_total() {
    contractors("7701234567", CLIENT);
    offers(OFFER);
    goods();

    OneCKp kp = oneC.latestKp("7701234567").orElseThrow();

    assertThat(kp.ref()).isEqualTo(KP);
    assertThat(kp.number()).isEqualTo("УТ-00000123");
    assertThat(kp.date()).isEqualTo(LocalDate.of(2025, 3, 12));
    assertThat(kp.total()).isEqualByComparingTo("129520.50");
    assertThat(kp.lines()).extracting(OneCKpLine::lineNo, OneCKpLine::code, OneCKpLine::name, OneCKpLine::unit)
        .containsExactly(
            tuple(1, "00-00000112", "Преобразователь давления ПД-100", "шт"),
            tuple(2, "00-00000245", "Кабель КВВГнг(А)-LS 4×1,5", "м"),
            tuple(3, "00-00000112", "Преобразователь давления ПД-100", "шт"));
    assertThat(kp.lines()).extracting(OneCKpLine::quantity).usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("3"), new BigDecimal("0.5"), new BigDecimal("4"));
    assertThat(kp.lines()).extracting(OneCKpLine::price).usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("18400"), new BigDecimal("96.5"), new BigDecimal("18400"));
    // Each nomenclature item and unit is read once, however many lines refer to it.
    onec.verify(1, getRequestedFor(odata("/Catalog_Номенклатура(guid'" + SENSOR + "')")));
    onec.verify(1, getRequestedFor(odata("/Catalog_УпаковкиЕдиницыИзмерения(guid'" + PIECE + "')")));
  }

  @Test
  void every_request_carries_basic_auth_and_well_encoded_odata_queries() {
    contractors("7701234567", CLIENT, BRANCH);
    offers(OFFER);
    goods();

    oneC.latestKp("7701234567");

    List<LoggedRequest> requests = onec.findAll(getRequestedFor(urlPathMatching(".*")));
    String basic = "Basic " + Base64.getEncoder().encodeToString("Обмен:секрет".getBytes(StandardCharsets.UTF_8));
    assertThat(requests).hasSize(6).allSatisfy(r -> {
      assertThat(r.getHeader("Authorization")).isEqualTo(basic);
      assertThat(r.getHeader("Accept")).isEqualTo("application/json");
      // Encoded exactly once: Cyrillic as UTF-8 percent-escapes, no %25 from a second pass.
      assertThat(r.getUrl()).doesNotContain("%25").matches("[\\x21-\\x7e]+");
    });

    LoggedRequest clients = requests.get(0);
    assertThat(URI.create(clients.getUrl()).getRawPath())
        .isEqualTo(ODATA + "/Catalog_%D0%9A%D0%BE%D0%BD%D1%82%D1%80%D0%B0%D0%B3%D0%B5%D0%BD%D1%82%D1%8B");
    assertThat(query(clients)).containsExactly("$format=json", "$select=Ref_Key",
        "$filter=ИНН eq '7701234567' and DeletionMark eq false");

    // Both contractors with this INN (head office and branch) are searched for the KP.
    assertThat(decoded(requests.get(1).getUrl())).startsWith(ODATA + "/Document_КоммерческоеПредложениеКлиенту?");
    assertThat(query(requests.get(1))).containsExactly("$format=json", "$orderby=Date desc", "$top=1",
        "$filter=(Контрагент_Key eq guid'" + CLIENT + "' or Контрагент_Key eq guid'" + BRANCH + "') and DeletionMark eq false");

    assertThat(decoded(requests.get(2).getUrl()))
        .isEqualTo(ODATA + "/Catalog_Номенклатура(guid'" + SENSOR + "')?$format=json&$select=Code,Description,ЕдиницаИзмерения_Key");
  }

  @Test
  void an_apostrophe_in_the_inn_cannot_break_out_of_the_filter() {
    contractors("77'01", CLIENT);
    onec.stubFor(get(odata("/Catalog_Контрагенты"))
        .willReturn(okJson("{" + metadata("Catalog_Контрагенты") + ", \"value\": []}")));

    assertThat(oneC.latestKp("77'01")).isEmpty();
    assertThat(query(onec.findAll(getRequestedFor(urlPathMatching(".*"))).get(0)))
        .contains("$filter=ИНН eq '77''01' and DeletionMark eq false");
  }

  @Test
  void a_client_unknown_to_1c_has_no_kp() {
    contractors("7709999999");

    assertThat(oneC.latestKp("7709999999")).isEmpty();
    onec.verify(0, getRequestedFor(odata("/Document_КоммерческоеПредложениеКлиенту")));
  }

  @Test
  void a_client_without_a_kp_has_none() {
    contractors("7701234567", CLIENT);
    offers("");

    assertThat(oneC.latestKp("7701234567")).isEmpty();
  }

  @Test
  void a_client_without_an_inn_is_not_looked_up_at_all() {
    assertThat(oneC.latestKp(" ")).isEmpty();
    assertThat(oneC.latestKp(null)).isEmpty();
    assertThat(onec.getAllServeEvents()).isEmpty();
  }

  @Test
  void a_logistics_task_is_posted_to_1c_and_its_ref_key_returned() {
    noTaskYet();
    onec.stubFor(post(odata("/Task_ЗадачаИсполнителя")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json;charset=utf-8")
        .withBody("{" + metadata("Task_ЗадачаИсполнителя/@Element") + ", \"Ref_Key\": \"" + TASK + "\", "
            + "\"Number\": \"000000042\", \"Description\": \"Доставка по сделке 42\", \"Executed\": false}")));

    String ref = oneC.createLogisticsTask(new OneCLogisticsTask(42, "Доставка по сделке 42",
        "ООО «Ромашка», Москва, ул. Ленина, 1", LocalDate.of(2026, 1, 12)));

    assertThat(ref).isEqualTo(TASK);
    onec.verify(postRequestedFor(odata("/Task_ЗадачаИсполнителя"))
        .withQueryParam("$format", equalTo("json"))
        .withHeader("Content-Type", matching("application/json.*"))
        .withRequestBody(equalToJson("""
            {"Description": "Доставка по сделке 42", "Описание": "ООО «Ромашка», Москва, ул. Ленина, 1",
             "СрокИсполнения": "2026-01-12T00:00:00", "Executed": false, "Date": "${json-unit.any-string}"}"""))
        // Edm.DateTime with seconds, as 1C reads it.
        .withRequestBody(matchingJsonPath("$.Date", matching("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"))));
  }

  @Test
  void a_retried_task_that_1c_created_before_is_found_and_not_posted_again() {
    onec.stubFor(get(odata("/Task_ЗадачаИсполнителя")).willReturn(okJson("{" + metadata("Task_ЗадачаИсполнителя")
        + ", \"value\": [{\"Ref_Key\": \"" + TASK + "\"}]}")));

    String ref = oneC.createLogisticsTask(new OneCLogisticsTask(42, "Доставка — сделка №42, поручение 1f3a9c2e", "",
        LocalDate.of(2026, 1, 12)));

    assertThat(ref).isEqualTo(TASK);
    assertThat(query(onec.findAll(getRequestedFor(urlPathMatching(".*"))).get(0))).containsExactly("$format=json",
        "$select=Ref_Key", "$top=1", "$filter=Description eq 'Доставка — сделка №42, поручение 1f3a9c2e' and DeletionMark eq false");
    onec.verify(0, postRequestedFor(urlPathMatching(".*")));
  }

  @Test
  void a_task_created_without_a_ref_key_is_a_failure_to_retry() {
    noTaskYet();
    onec.stubFor(post(odata("/Task_ЗадачаИсполнителя")).willReturn(okJson("{}")));

    assertThatThrownBy(() -> oneC.createLogisticsTask(new OneCLogisticsTask(42, "Доставка", null, LocalDate.of(2026, 1, 12))))
        .isInstanceOf(OneCUnavailableException.class).hasMessageContaining("Ref_Key");
  }

  @Test
  void the_task_state_follows_executed() {
    element("Task_ЗадачаИсполнителя", TASK, "\"Ref_Key\": \"" + TASK + "\", \"Executed\": true");

    assertThat(oneC.logisticsTaskState(TASK)).isEqualTo(new OneCTaskState(true, "выполнено"));
    assertThat(query(onec.findAll(getRequestedFor(urlPathMatching(".*"))).get(0)))
        .containsExactly("$format=json", "$select=Ref_Key,Executed");

    element("Task_ЗадачаИсполнителя", TASK, "\"Ref_Key\": \"" + TASK + "\", \"Executed\": false");
    assertThat(oneC.logisticsTaskState(TASK).executed()).isFalse();
  }

  @Test
  void a_server_error_means_1c_is_unavailable() {
    onec.stubFor(get(urlPathMatching(".*")).willReturn(serverError().withBody("{\"odata.error\": {}}")));
    onec.stubFor(post(urlPathMatching(".*")).willReturn(serverError()));

    assertThatThrownBy(() -> oneC.latestKp("7701234567")).isInstanceOf(OneCUnavailableException.class);
    assertThatThrownBy(() -> oneC.logisticsTaskState(TASK)).isInstanceOf(OneCUnavailableException.class);
    assertThatThrownBy(() -> oneC.createLogisticsTask(new OneCLogisticsTask(1, "Доставка", "", LocalDate.of(2026, 1, 12))))
        .isInstanceOf(OneCUnavailableException.class);
  }

  @Test
  void a_1c_that_does_not_answer_in_time_is_unavailable() {
    onec.stubFor(get(urlPathMatching(".*")).willReturn(okJson("{\"value\": []}").withFixedDelay(3000)));
    OneC impatient = oneC(Duration.ofMillis(300));

    long started = System.nanoTime();
    assertThatThrownBy(() -> impatient.latestKp("7701234567")).isInstanceOf(OneCUnavailableException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void a_1c_that_is_not_there_is_unavailable() {
    var properties = new OneCProperties(Mode.ODATA, "http://127.0.0.1:1" + ODATA, "Обмен", "секрет", Duration.ofSeconds(1));
    OneC nowhere = new OneCConfig().oneC(properties, RestClient.builder(), TestClock.INSTANCE);

    assertThatThrownBy(() -> nowhere.logisticsTaskState(TASK)).isInstanceOf(OneCUnavailableException.class);
  }

  @Test
  void a_publication_url_copied_from_the_browser_is_not_encoded_twice() {
    String copied = onec.baseUrl() + "/%D1%82%D0%BE%D1%80%D0%B3%D0%BE%D0%B2%D0%BB%D1%8F/odata/standard.odata";
    OneC fromBrowser = new OneCConfig().oneC(new OneCProperties(Mode.ODATA, copied, "Обмен", "секрет",
        Duration.ofSeconds(5)), RestClient.builder(), TestClock.INSTANCE);
    onec.stubFor(get(urlPathMatching(".*")).willReturn(okJson("{\"Ref_Key\": \"" + TASK + "\", \"Executed\": false}")));

    fromBrowser.logisticsTaskState(TASK);

    assertThat(decoded(onec.findAll(getRequestedFor(urlPathMatching(".*"))).get(0).getUrl()))
        .startsWith("/торговля/odata/standard.odata/Task_ЗадачаИсполнителя(guid'" + TASK + "')");
  }

  /** WireMock matches the path as it arrives: encoded, so the stubs spell it encoded too. */
  private static UrlPathPattern odata(String path) {
    return urlPathEqualTo(UriUtils.encodePath(ODATA + path, StandardCharsets.UTF_8));
  }

  private static String decoded(String url) {
    return URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static List<String> query(LoggedRequest request) {
    String raw = URI.create(request.getUrl()).getRawQuery();
    return List.of(raw.split("&")).stream().map(ODataOneCTest::decoded).toList();
  }
}
