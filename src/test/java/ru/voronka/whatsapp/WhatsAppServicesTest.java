package ru.voronka.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.voronka.automation.StageActions;
import ru.voronka.chat.Channel;
import ru.voronka.chat.ClientDelivery;
import ru.voronka.chat.ClientOutbox;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealRepository;
import ru.voronka.messaging.ClientMessenger;
import ru.voronka.messaging.ClientMessenger.OutgoingMessage;
import ru.voronka.support.WorkspaceTest;

/**
 * WA-11, AUT-2: Wazzup, I2CRM and Default (the Cloud API) connected side by side through
 * {@code /api/whatsapp/services} — each against a stub shaped like its provider's documentation — their
 * credentials sealed at rest, and every message routed: the service the cause names, else the one that
 * reached the client last, else the first connected (the demo's simulator, the environment's service).
 */
class WhatsAppServicesTest extends WorkspaceTest {

  @RegisterExtension
  static WireMockExtension provider = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final RequestPostProcessor ADMIN = user("demoadmin").roles("CAMUNDA_ADMIN");
  static final String WAZZUP_KEY = "wz-api-key-3f9a1c77e0b24d5c9e01";
  static final String WAZZUP_CRM_KEY = "wz-crm-key-0a1b2c3d4e5f60718293";
  static final String CLOUD_TOKEN = "EAAGm0PX4ZCpsBAKZC1longsystemusertoken77";
  static final String CLOUD_SECRET = "cloud-app-secret-5c0ffee5c0ffee";
  static final String I2CRM_TOKEN = "i2crm-token-9d8c7b6a5f4e3d2c1b0a";

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired WhatsAppServices services;
  @Autowired ClientMessenger messenger;
  @Autowired ClientOutbox outbox;
  @Autowired ClientDelivery delivery;
  @Autowired WhatsAppInbox inbox;
  @Autowired SimulatedWhatsApp simulator;
  @Autowired StageActions stageActions;
  @Autowired DealRepository deals;
  @Autowired MediaDownloader mediaDownloader;

  @AfterEach
  void disconnectEverything() {
    jdbc.update("delete from whatsapp_service");
    jdbc.update("delete from whatsapp_channel where provider in ('wazzup', 'i2crm', 'cloud')");
  }

  void stubWazzupChannels() {
    provider.stubFor(WireMock.get("/v3/channels").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("""
            [{"channelId": "wz-main", "transport": "whatsapp", "plainId": "74956498450", "state": "active"},
             {"channelId": "wz-sales", "transport": "whatsapp", "plainId": "74956498451", "state": "active"},
             {"channelId": "wz-old", "transport": "whatsapp", "plainId": "74956498452", "state": "phoneUnavailable"}]""")));
  }

  String connectWazzup() throws Exception {
    stubWazzupChannels();
    return mvc.perform(put("/api/whatsapp/services/wazzup").with(ADMIN).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("""
                {"apiKey": "%s", "crmKey": "%s", "baseUrl": "%s"}""".formatted(WAZZUP_KEY, WAZZUP_CRM_KEY, provider.baseUrl())))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  @Test
  @DisplayName("SWA-SVC-1")
  void wazzupIsConnected_checkedByItsChannels_refusedWithAWrongKey_andDisconnected() throws Exception {
    String answer = connectWazzup();
    assertThat(answer).contains("\"ok\":true", "каналов WhatsApp в Wazzup — 3, активных — 2", "\"origin\":\"settings\"");
    provider.verify(getRequestedFor(urlEqualTo("/v3/channels")).withHeader("Authorization", equalTo("Bearer " + WAZZUP_KEY)));
    assertThat(services.get("wazzup").channels()).extracting(WhatsAppChannels.Channel::ref)
        .containsExactlyInAnyOrder("wz-main", "wz-sales", "wz-old");
    assertThat(services.isConnected("wazzup")).isTrue();

    provider.stubFor(WireMock.get("/v3/channels").willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
        .withBody("{\"error\": \"unauthorized\", \"description\": \"Invalid API key\"}")));
    mvc.perform(post("/api/whatsapp/services/wazzup/check").with(ADMIN).with(csrf())).andExpect(status().isOk())
        .andExpect(jsonPath("$.ok").value(false))
        .andExpect(jsonPath("$.message").value(containsString("Ключ не подошёл (HTTP 401)")))
        .andExpect(jsonPath("$.service.checkResult").value(containsString("Ключ не подошёл")));

    mvc.perform(delete("/api/whatsapp/services/wazzup").with(ADMIN).with(csrf())).andExpect(status().isNoContent());
    assertThat(services.isConnected("wazzup")).isFalse();
    assertThat(jdbc.queryForObject("select count(*) from whatsapp_channel where provider = 'wazzup'", Long.class)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from whatsapp_service", Long.class)).isZero();
    mvc.perform(delete("/api/whatsapp/services/wazzup").with(ADMIN).with(csrf())).andExpect(status().isConflict())
        .andExpect(content().string(containsString("не подключён")));
    mvc.perform(delete("/api/whatsapp/services/sim").with(ADMIN).with(csrf())).andExpect(status().isConflict())
        .andExpect(content().string(containsString("настройками сервера")));
  }

  @Test
  @DisplayName("SWA-SVC-2")
  void defaultIsConnected_andCheckedByItsPhoneNumber_whichIsItsChannel() throws Exception {
    provider.stubFor(WireMock.get(urlPathEqualTo("/v21.0/106540352242922")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("""
            {"verified_name": "Воронка", "display_phone_number": "+7 495 649-84-47", "quality_rating": "GREEN",
             "status": "CONNECTED", "id": "106540352242922"}""")));
    mvc.perform(put("/api/whatsapp/services/cloud").with(ADMIN).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
            {"accessToken": "%s", "phoneNumberId": "106540352242922", "appSecret": "%s", "baseUrl": "%s"}"""
            .formatted(CLOUD_TOKEN, CLOUD_SECRET, provider.baseUrl())))
        .andExpect(status().isOk()).andExpect(jsonPath("$.ok").value(true))
        .andExpect(jsonPath("$.message").value("Подключено: номер +74956498447 («Воронка»)"));
    provider.verify(getRequestedFor(urlPathEqualTo("/v21.0/106540352242922"))
        .withHeader("Authorization", equalTo("Bearer " + CLOUD_TOKEN)));
    assertThat(services.get("cloud").channels()).singleElement()
        .satisfies(c -> assertThat(c.ref()).isEqualTo("106540352242922"))
        .satisfies(c -> assertThat(c.phone()).isEqualTo("+74956498447"))
        .satisfies(c -> assertThat(c.sends()).isTrue());

    // A photo sent to this number is read with this account's token, not the environment's (there is none here).
    provider.stubFor(WireMock.get(urlPathEqualTo("/v21.0/media-from-page-account")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("""
            {"url": "%s/lookaside/photo", "mime_type": "image/jpeg", "file_size": 3, "id": "media-from-page-account"}"""
            .formatted(provider.baseUrl()))));
    provider.stubFor(WireMock.get(urlPathEqualTo("/lookaside/photo")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "image/jpeg").withBody("jpg")));
    try {
      mediaDownloader.download(new InboundMessage.MediaRef("cloud", null, "media-from-page-account", "photo.jpg"));
    } catch (MediaSources.Refused refusedHost) {
      // this context lets no test host serve a file; the token is what is checked here
    }
    provider.verify(getRequestedFor(urlPathEqualTo("/v21.0/media-from-page-account"))
        .withHeader("Authorization", equalTo("Bearer " + CLOUD_TOKEN)));

    provider.stubFor(WireMock.get(urlPathEqualTo("/v21.0/106540352242922")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody("""
            {"error": {"message": "Invalid OAuth access token.", "type": "OAuthException", "code": 190}}""")));
    mvc.perform(post("/api/whatsapp/services/cloud/check").with(ADMIN).with(csrf()))
        .andExpect(jsonPath("$.ok").value(false)).andExpect(jsonPath("$.message").value(containsString("Invalid OAuth access token")));
  }

  @Test
  @DisplayName("SWA-SVC-3")
  void i2crmIsConnected_andItsChannelsAreRead() throws Exception {
    provider.stubFor(WireMock.get("/api/v1/channels").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("""
            [{"id": "i2-sales", "phone": "+7 (937) 000-11-22", "state": "active", "name": "Продажи"},
             {"id": "i2-old", "phone": "79370001123", "state": "disconnected"}]""")));
    mvc.perform(put("/api/whatsapp/services/i2crm").with(ADMIN).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
            {"token": "%s", "channelId": "i2-sales", "baseUrl": "%s"}""".formatted(I2CRM_TOKEN, provider.baseUrl())))
        .andExpect(status().isOk()).andExpect(jsonPath("$.ok").value(true))
        .andExpect(jsonPath("$.message").value("Подключено: каналов в I2CRM — 2, активных — 1"));
    provider.verify(getRequestedFor(urlEqualTo("/api/v1/channels")).withHeader("Authorization", equalTo("Bearer " + I2CRM_TOKEN)));
    assertThat(services.sendingChannels()).extracting(WhatsAppChannels.Channel::ref).contains("i2-sales").doesNotContain("i2-old");

    // a message naming the I2CRM channel leaves through it
    provider.stubFor(WireMock.post("/api/v1/messages").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"id\": \"i2-msg-1\"}")));
    assertThat(messenger.send(new OutgoingMessage(null, "+79215558822", "Через I2CRM", "svc-i2-1").via("i2crm", "i2-sales")))
        .isEqualTo(new ClientMessenger.SentMessage("i2crm", "i2crm:i2-msg-1"));
    provider.verify(postRequestedFor(urlEqualTo("/api/v1/messages")).withRequestBody(matchingJsonPath("$.channel_id", equalTo("i2-sales"))));
  }

  @Test
  @DisplayName("SWA-SVC-4")
  void theCredentialsAreSealedAtRest_andNeverShownWhole() throws Exception {
    connectWazzup();
    Map<String, Object> row = jdbc.queryForMap("select * from whatsapp_service where provider = 'wazzup'");
    assertThat(row.toString()).doesNotContain(WAZZUP_KEY).doesNotContain(WAZZUP_CRM_KEY).doesNotContain("apiKey");
    assertThat((String) row.get("CREDENTIALS")).startsWith("v1:");

    String shown = mvc.perform(get("/api/whatsapp/services").with(ADMIN)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(shown).doesNotContain(WAZZUP_KEY).doesNotContain(WAZZUP_CRM_KEY)
        .contains("••••" + WAZZUP_KEY.substring(WAZZUP_KEY.length() - 4));
    mvc.perform(get("/settings/whatsapp-services").with(ADMIN)).andExpect(status().isOk())
        .andExpect(content().string(not(containsString(WAZZUP_KEY))));

    // a secret left blank keeps the stored one; the adapter still speaks with it
    mvc.perform(put("/api/whatsapp/services/wazzup").with(ADMIN).with(csrf()).contentType(MediaType.APPLICATION_JSON)
        .content("{\"apiKey\": \"\", \"baseUrl\": \"%s\", \"channelId\": \"wz-main\"}".formatted(provider.baseUrl())))
        .andExpect(status().isOk()).andExpect(jsonPath("$.ok").value(true));
    provider.verify(2, getRequestedFor(urlEqualTo("/v3/channels")).withHeader("Authorization", equalTo("Bearer " + WAZZUP_KEY)));
    assertThat(services.credentialValues("wazzup", "crmKey")).containsExactly(WAZZUP_CRM_KEY);
  }

  @Test
  @DisplayName("SWA-SVC-5")
  void theSettingsAreRefusedWithEveryReasonInRussian_andOnlyAnAdministratorConnects() throws Exception {
    mvc.perform(put("/api/whatsapp/services/cloud").with(ADMIN).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"phoneNumberId\": \"номер\", \"baseUrl\": \"ftp://x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Заполните поле «Токен доступа (системный пользователь)»")))
        .andExpect(content().string(containsString("Phone number ID — только цифры")))
        .andExpect(content().string(containsString("Заполните поле «Секрет приложения (подпись вебхуков)»")))
        .andExpect(content().string(containsString("Адрес API — ссылка вида https://")));
    mvc.perform(put("/api/whatsapp/services/viber").with(ADMIN).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isNotFound());
    assertThat(jdbc.queryForObject("select count(*) from whatsapp_service", Long.class)).isZero();

    RequestPostProcessor rop = user("smirnova").roles("ROP");
    mvc.perform(get("/api/whatsapp/services").with(rop)).andExpect(status().isForbidden());
    mvc.perform(put("/api/whatsapp/services/wazzup").with(rop).with(csrf()).contentType(MediaType.APPLICATION_JSON)
        .content("{\"apiKey\": \"x\"}")).andExpect(status().isForbidden());
    mvc.perform(get("/api/whatsapp/services").with(user("petrov").roles("MANAGERS"))).andExpect(status().isForbidden());
    mvc.perform(get("/v3/api-docs").with(ADMIN)).andExpect(status().isOk())
        .andExpect(content().string(containsString("/api/whatsapp/services/{service}/check")));
  }

  @Test
  @DisplayName("SWA-SVC-6")
  void aSendGoesThroughTheNamedService_elseTheOneThatReachedTheClientLast_elseTheFirstConnected() throws Exception {
    connectWazzup();
    // Wazzup names no id here: the message is known by our crmMessageId («wazzup:crm-chat-message-N»)
    provider.stubFor(WireMock.post("/v3/message").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{}")));
    Deal meter = deals.findAll().stream().filter(d -> d.getTitle().equals("Узел учёта тепла")).findFirst().orElseThrow();

    // named: the action's service and channel
    Long named = outbox.send(new ClientOutbox.Outgoing(meter.getId(), "svc-named-" + System.nanoTime(), null, "Через канал продаж",
        Channel.WHATSAPP, null, "wazzup", "wz-sales", List.of())).messageId();
    delivery.deliver(named);
    provider.verify(postRequestedFor(urlEqualTo("/v3/message")).withRequestBody(matchingJsonPath("$.text", equalTo("Через канал продаж")))
        .withRequestBody(matchingJsonPath("$.channelId", equalTo("wz-sales"))));
    assertThat(externalId(named)).startsWith("wazzup:");

    // nothing named: the client's latest message came through Wazzup, to its sales channel (its webhook says so)
    String inbound = "in-" + System.nanoTime();
    mvc.perform(post("/webhooks/wazzup").header("Authorization", "Bearer " + WAZZUP_CRM_KEY).contentType(MediaType.APPLICATION_JSON)
        .content("""
            {"messages": [{"messageId": "%s", "channelId": "wz-sales", "chatType": "whatsapp", "chatId": "79126007080",
              "dateTime": "2026-12-05T10:15:00.000Z", "type": "text", "status": "inbound", "text": "Добрый день, где счёт?",
              "contact": {"name": "Уралмет"}}]}""".formatted(inbound))).andExpect(status().isOk());
    Long dealOfClient = jdbc.queryForObject("select c.deal_id from chat_message m join chat c on c.id = m.chat_id where m.external_id = ?",
        Long.class, "wazzup:" + inbound);
    Long answer = outbox.send(ClientOutbox.Outgoing.whatsapp(dealOfClient, "svc-last-" + System.nanoTime(), "Счёт отправили", null))
        .messageId();
    delivery.deliver(answer);
    provider.verify(postRequestedFor(urlEqualTo("/v3/message")).withRequestBody(matchingJsonPath("$.text", equalTo("Счёт отправили")))
        .withRequestBody(matchingJsonPath("$.channelId", equalTo("wz-sales"))));
    assertThat(externalId(answer)).startsWith("wazzup:");

    // then the client writes through the simulator: the answer follows it there
    inbox.receive(new InboundMessage("sim:in-" + System.nanoTime(), "+79126007080", "Клиент", "Пишу с другого номера", ru.voronka.support.TestClock.INSTANCE.instant(), false));
    Long second = outbox.send(ClientOutbox.Outgoing.whatsapp(dealOfClient, "svc-last-" + System.nanoTime(), "Ответ через симулятор", null))
        .messageId();
    delivery.deliver(second);
    assertThat(externalId(second)).startsWith("sim:");
    provider.verify(0, postRequestedFor(urlEqualTo("/v3/message")).withRequestBody(matchingJsonPath("$.text", equalTo("Ответ через симулятор"))));
    assertThat(simulator.conversation("+79126007080")).extracting(SimulatedWhatsApp.Line::text).contains("Ответ через симулятор");

    // nothing named and nobody wrote: the first connected — the environment's (the demo's simulator);
    // a named service that is not connected gives way to it too
    assertThat(messenger.send(new OutgoingMessage(null, "+79990001122", "Первому подключённому", "svc-first-1")).channel()).isEqualTo("sim");
    assertThat(messenger.send(new OutgoingMessage(null, "+79990001122", "Cloud не подключён", "svc-first-2").via("cloud", null)).channel())
        .isEqualTo("sim");
    assertThat(messenger.send(new OutgoingMessage(null, "+79990001122", "Через Wazzup", "svc-first-3").via("wazzup", null)).channel())
        .isEqualTo("wazzup");

    // a stranger writing to Wazzup's sales channel gets the automatic reply back through it
    String stranger = "7999" + String.valueOf(System.nanoTime()).substring(0, 7);
    mvc.perform(post("/webhooks/wazzup").header("Authorization", "Bearer " + WAZZUP_CRM_KEY).contentType(MediaType.APPLICATION_JSON)
        .content("""
            {"messages": [{"messageId": "st-%s", "channelId": "wz-sales", "chatType": "whatsapp", "chatId": "%s",
              "dateTime": "2026-12-05T10:16:00.000Z", "type": "text", "status": "inbound", "text": "Сколько стоит задвижка?"}]}"""
            .formatted(stranger, stranger))).andExpect(status().isOk());
    provider.verify(postRequestedFor(urlEqualTo("/v3/message")).withRequestBody(matchingJsonPath("$.chatId", equalTo(stranger)))
        .withRequestBody(matchingJsonPath("$.channelId", equalTo("wz-sales"))));
  }

  @Test
  @DisplayName("SWA-SVC-7")
  void theStageActionOffersOnlyConnectedServicesWithAnActiveChannel() throws Exception {
    assertThat(stageActions.sendingServices()).containsExactly("sim");
    connectWazzup();
    assertThat(stageActions.sendingServices()).containsExactlyInAnyOrder("sim", "wazzup");
    assertThat(stageActions.sendingChannels()).extracting(WhatsAppChannels.Channel::ref)
        .contains("wz-main", "wz-sales").doesNotContain("wz-old");

    Long sales = services.get("wazzup").channels().stream().filter(c -> c.ref().equals("wz-sales")).findFirst().orElseThrow().id();
    mvc.perform(put("/api/whatsapp/services/channels/" + sales).with(ADMIN).with(csrf()).contentType(MediaType.APPLICATION_JSON)
        .content("{\"active\": false}")).andExpect(status().isNoContent());
    assertThat(stageActions.sendingChannels()).extracting(WhatsAppChannels.Channel::ref).contains("wz-main").doesNotContain("wz-sales");
    mvc.perform(get("/settings/automations/new").with(ADMIN)).andExpect(status().isOk())
        .andExpect(content().string(containsString(">Wazzup</option>")));

    mvc.perform(delete("/api/whatsapp/services/wazzup").with(ADMIN).with(csrf())).andExpect(status().isNoContent());
    assertThat(stageActions.sendingServices()).containsExactly("sim");
  }

  @Test
  @DisplayName("SWA-SVC-9")
  void theWebhookOfAWazzupConnectedHereIsProvedByItsCrmKey() throws Exception {
    String body = "{\"test\": true}";
    mvc.perform(post("/webhooks/wazzup").header("Authorization", "Bearer " + WAZZUP_CRM_KEY).contentType(MediaType.APPLICATION_JSON)
        .content(body)).andExpect(status().isUnauthorized());
    connectWazzup();
    mvc.perform(post("/webhooks/wazzup").header("Authorization", "Bearer " + WAZZUP_CRM_KEY).contentType(MediaType.APPLICATION_JSON)
        .content(body)).andExpect(status().isOk());
    mvc.perform(post("/webhooks/wazzup").header("Authorization", "Bearer not-the-key").contentType(MediaType.APPLICATION_JSON)
        .content(body)).andExpect(status().isUnauthorized());
  }

  private String externalId(Long messageId) {
    return jdbc.queryForObject("select external_id from chat_message where id = ?", String.class, messageId);
  }
}
