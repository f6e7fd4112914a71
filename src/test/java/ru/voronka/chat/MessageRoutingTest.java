package ru.voronka.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.test.web.servlet.MockMvc;
import ru.voronka.chat.ChatViews.ChatSummary;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Group;
import ru.voronka.platform.web.DomainException;
import ru.voronka.support.WorkspaceTest;

/** WA-1: the delegation table and «Без указания менеджера» decide whose inbox a client's message is in. */
class MessageRoutingTest extends WorkspaceTest {

  static final Viewer PETROV = Viewer.of("petrov", List.of(Group.MANAGERS.id()));
  static final Viewer KUZNETSOV = Viewer.of("kuznetsov", List.of(Group.MANAGERS.id()));
  static final Viewer ROP = Viewer.of("smirnova", List.of(Group.HEAD_OF_SALES.id()));

  @Autowired ChatFinder finder;
  @Autowired CounterpartyChats counterpartyChats;
  @Autowired ChatReading reading;
  @Autowired ChatReceiving receiving;
  @Autowired ReadState readState;
  @Autowired MessageRouting routing;
  @Autowired DealRepository deals;
  @Autowired MockMvc mvc;

  Deal deal(String title) {
    return deals.findAll().stream().filter(d -> d.getTitle().equals(title)).findFirst().orElseThrow();
  }

  List<Long> inbox(Viewer viewer) {
    return finder.myChats(viewer, null, false, Pageable.unpaged()).map(ChatSummary::id).getContent();
  }

  @Test
  void aDelegateAlsoReceivesTheClientMessagesOfTheEmployeeTheyStandFor() {
    Deal meter = deal("Узел учёта тепла"); // petrov's
    Long chat = finder.dealChat(meter.getId(), ChatKind.DEAL_CLIENT, PETROV);
    assertThat(inbox(KUZNETSOV)).doesNotContain(chat);

    routing.delegate(ROP, "kuznetsov", "petrov");
    try {
      long before = readState.unreadTotal(KUZNETSOV);
      receiving.receiveFromClient(meter.getId(), "Соколов Андрей", Channel.WHATSAPP, "Оплату отправили", List.of(), null);

      assertThat(inbox(KUZNETSOV)).contains(chat);
      assertThat(readState.unreadTotal(KUZNETSOV)).isEqualTo(before + 1);
      assertThat(reading.open(chat, KUZNETSOV, null).messages()).last().matches(m -> m.body().equals("Оплату отправили"));
      assertThat(counterpartyChats.newClientMessages(KUZNETSOV, Pageable.unpaged()).getContent()).anyMatch(r -> r.dealId().equals(meter.getId()));
    } finally {
      routing.delegations().stream().filter(d -> d.receiver().equals("Кузнецов Дмитрий"))
          .forEach(d -> routing.removeDelegation(ROP, d.id()));
    }
    assertThat(inbox(KUZNETSOV)).doesNotContain(chat);
    assertThatThrownBy(() -> reading.open(chat, KUZNETSOV, null)).isInstanceOf(DomainException.class);
  }

  @Test
  void messagesOfAClientWithoutAResponsibleGoToTheUnassignedRecipients() {
    Deal gauges = deal("Манометры для котельной"); // nobody has taken it
    Long chat = finder.dealChat(gauges.getId(), ChatKind.DEAL_CLIENT, ROP);
    assertThat(inbox(PETROV)).doesNotContain(chat);

    routing.addUnassignedRecipient(ROP, "petrov");
    try {
      receiving.receiveFromClient(gauges.getId(), "Иванов Сергей", Channel.WHATSAPP, "Кто со мной работает?", List.of(), null);
      assertThat(inbox(PETROV)).contains(chat);
      assertThat(counterpartyChats.newClientMessages(PETROV, Pageable.unpaged()).getContent())
          .anyMatch(r -> r.dealId().equals(gauges.getId()));
    } finally {
      routing.removeUnassignedRecipient(ROP, "petrov");
    }
    assertThat(inbox(PETROV)).doesNotContain(chat);
  }

  @Test
  void onlyTheLeadsOfSalesChangeTheRouting_andThePageShowsIt() throws Exception {
    assertThatThrownBy(() -> routing.delegate(PETROV, "petrov", "sidorova")).isInstanceOf(DomainException.class)
        .hasMessageContaining("РОП");
    assertThatThrownBy(() -> routing.delegate(ROP, "petrov", "petrov")).isInstanceOf(DomainException.class);

    mvc.perform(get("/settings/messaging").with(user("smirnova").roles("ROP")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Без указания менеджера")))
        .andExpect(content().string(Matchers.containsString("8-495-649-84-47")))
        // WA-11 in the demo: the simulated provider's channels, as a provider reports them
        .andExpect(content().string(Matchers.containsString("Симулятор (демо)")))
        .andExpect(content().string(Matchers.containsString("активен")));
    mvc.perform(get("/settings/messaging").with(user("petrov").roles("MANAGERS"))).andExpect(status().isForbidden());
    mvc.perform(post("/settings/messaging/texts").param("name", "auto-reply").param("text", "Новый текст")
        .with(user("smirnova").roles("ROP")).with(csrf())).andExpect(status().isForbidden());
    mvc.perform(post("/settings/messaging/texts").param("name", "auto-reply").param("text", " ")
        .with(user("demoadmin").roles("CAMUNDA_ADMIN")).with(csrf())).andExpect(status().isBadRequest());
  }
}
