package ru.voronka.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.voronka.messaging.ClientMessenger.MessageNotSentException;
import ru.voronka.messaging.ClientMessenger.OutgoingMessage;

/** The Cloud API's Groups API against a stub shaped like Meta's documented requests and answers. */
class CloudApiGroupsTest {

  static final String GROUP = "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD";

  @RegisterExtension
  static WireMockExtension graph = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  CloudApiProperties properties() {
    return new CloudApiProperties(graph.baseUrl(), "v21.0", "106540352242922", "token-1", "s", "v");
  }

  @Test
  void createsAGroupThatAsksApprovalToJoin_andKeepsTheRequestId() {
    graph.stubFor(post("/v21.0/106540352242922/groups").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"messaging_product\": \"whatsapp\", \"request_id\": \"REQ-7731\"}")));

    String request = new CloudApiGroups(properties()).createGroup("ООО «Облако» — Поставка насосов", "Группа сделки №7");

    assertThat(request).isEqualTo("REQ-7731");
    graph.verify(postRequestedFor(urlEqualTo("/v21.0/106540352242922/groups"))
        .withHeader("Authorization", equalTo("Bearer token-1"))
        .withRequestBody(equalToJson("""
            {"messaging_product": "whatsapp", "subject": "ООО «Облако» — Поставка насосов",
             "description": "Группа сделки №7", "join_approval_mode": "approval_required"}""")));
  }

  @Test
  void approvesAndRejectsJoinRequests() {
    graph.stubFor(post("/v21.0/" + GROUP + "/join_requests").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"messaging_product\": \"whatsapp\", \"approved_join_requests\": [\"JR-1\"]}")));
    graph.stubFor(delete("/v21.0/" + GROUP + "/join_requests").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"messaging_product\": \"whatsapp\", \"rejected_join_requests\": [\"JR-2\"]}")));
    CloudApiGroups groups = new CloudApiGroups(properties());

    groups.approveJoin(GROUP, "JR-1");
    groups.rejectJoin(GROUP, "JR-2");

    graph.verify(postRequestedFor(urlEqualTo("/v21.0/" + GROUP + "/join_requests"))
        .withRequestBody(equalToJson("{\"messaging_product\": \"whatsapp\", \"join_requests\": [\"JR-1\"]}")));
    graph.verify(deleteRequestedFor(urlEqualTo("/v21.0/" + GROUP + "/join_requests"))
        .withRequestBody(equalToJson("{\"messaging_product\": \"whatsapp\", \"join_requests\": [\"JR-2\"]}")));
  }

  @Test
  void anAccountWithoutGroupsIsRefusedForGood_anOutageMayBeRetried() {
    graph.stubFor(post("/v21.0/106540352242922/groups").willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody("""
            {"error": {"message": "(#131000) Groups API is not available for this phone number", "type": "OAuthException",
             "code": 131000, "fbtrace_id": "AbCd"}}""")));
    assertThatThrownBy(() -> new CloudApiGroups(properties()).createGroup("Сделка", "Группа"))
        .isInstanceOfSatisfying(MessageNotSentException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessageContaining("Groups API is not available");

    graph.stubFor(post("/v21.0/106540352242922/groups").willReturn(aResponse().withStatus(503)));
    assertThatThrownBy(() -> new CloudApiGroups(properties()).createGroup("Сделка", "Группа"))
        .isInstanceOfSatisfying(MessageNotSentException.class, e -> assertThat(e.isRetryable()).isTrue());
  }

  @Test
  void aMessageToTheDealsGroupIsAddressedToTheGroup() {
    graph.stubFor(post("/v21.0/106540352242922/messages").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("""
            {"messaging_product": "whatsapp", "messages": [{"id": "wamid.GROUP1"}]}""")));

    var sent = new CloudApiMessenger(properties()).send(OutgoingMessage.toGroup(7L, GROUP, "Счёт готов", "chat-message-9"));

    assertThat(sent.messageId()).isEqualTo("cloud:wamid.GROUP1");
    graph.verify(postRequestedFor(urlEqualTo("/v21.0/106540352242922/messages")).withRequestBody(equalToJson("""
        {"messaging_product": "whatsapp", "recipient_type": "group", "to": "%s", "type": "text",
         "text": {"body": "Счёт готов"}}""".formatted(GROUP))));
  }
}
