package ru.voronka.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Group;
import ru.voronka.messaging.ClientMessenger;
import ru.voronka.messaging.ClientMessenger.MessageNotSentException;
import ru.voronka.messaging.ClientMessenger.OutgoingMessage;

/** WA-11 on PostgreSQL: Wazzup's channels read from its API, and only an active, switched-on one sends. */
class WhatsAppChannelsIT extends WhatsAppIT {

  static final Viewer ADMIN_VIEWER = Viewer.of(ADMIN, List.of(Group.ADMINS.id()));

  @Autowired WazzupChannelSync sync;
  @Autowired WhatsAppChannels channels;
  @Autowired ClientMessenger messenger;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void forgetChannels() {
    jdbc.update("delete from whatsapp_channel"); // the other WhatsApp tests send through the configured channel
  }

  @Test
  void theChannelsComeFromWazzup_andOnlyAnActiveSwitchedOnOneSends() {
    wazzup.stubFor(get("/v3/channels").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("""
            [{"channelId": "ch-main", "transport": "whatsapp", "plainId": "74956498447", "state": "active"},
             {"channelId": "ch-old", "transport": "whatsapp", "plainId": "74956498440", "state": "disabled"}]""")));
    wazzup.stubFor(post("/v3/message").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"messageId\":\"m-1\"}")));

    assertThat(sync.sync()).isEqualTo(2);
    assertThat(channels.all()).extracting(WhatsAppChannels.Channel::ref, WhatsAppChannels.Channel::sends)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ch-main", true),
            org.assertj.core.groups.Tuple.tuple("ch-old", false));

    messenger.send(new OutgoingMessage(null, "+79215558822", "Через основной канал", "ch-test-1"));
    wazzup.verify(postRequestedFor(urlEqualTo("/v3/message")).withRequestBody(matchingJsonPath("$.channelId",
        com.github.tomakehurst.wiremock.client.WireMock.equalTo("ch-main"))));

    Long main = channels.all().stream().filter(c -> c.ref().equals("ch-main")).findFirst().orElseThrow().id();
    channels.switchOn(ADMIN_VIEWER, main, false);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> messenger.send(new OutgoingMessage(null, "+79215558822", "x", "ch-test-2")))
        .isInstanceOf(MessageNotSentException.class).hasMessageContaining("Нет активного канала");
  }
}
