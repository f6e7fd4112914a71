package ru.voronka.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.voronka.chat.ChatFinder;
import ru.voronka.chat.ChatKind;
import ru.voronka.chat.ChatViews.ChatSummary;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Group;
import ru.voronka.support.WorkspaceTest;

/** WA-3: the responsible adds colleagues to the deal's chats and the client's numbers to its client group. */
class DealGroupMembersTest extends WorkspaceTest {

  static final RequestPostProcessor PETROV = user("petrov").roles("MANAGERS");
  static final Viewer KUZNETSOV = Viewer.of("kuznetsov", List.of(Group.MANAGERS.id()));

  @Autowired MockMvc mvc;
  @Autowired ChatFinder finder;
  @Autowired DealRepository deals;

  Deal deal(String title) {
    return deals.findAll().stream().filter(d -> d.getTitle().equals(title)).findFirst().orElseThrow();
  }

  @Test
  void theResponsibleAddsAndRemovesAColleague_whoThenSeesTheChat() throws Exception {
    Deal meter = deal("Узел учёта тепла");
    Long internal = finder.dealChat(meter.getId(), ChatKind.DEAL_INTERNAL, Viewer.of("petrov", List.of(Group.MANAGERS.id())));

    mvc.perform(post("/chats/" + internal + "/members").param("userId", "kuznetsov").with(PETROV).with(csrf())
            .header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Кузнецов Дмитрий")));
    assertThat(finder.myChats(KUZNETSOV, null, false, Pageable.unpaged()).map(ChatSummary::id).getContent()).contains(internal);

    mvc.perform(post("/chats/" + internal + "/members").param("userId", "sidorova").with(user("kuznetsov").roles("MANAGERS"))
            .with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isForbidden())
        .andExpect(content().string(containsString("ответственный или РОП")));

    mvc.perform(post("/chats/" + internal + "/members/kuznetsov/delete").with(PETROV).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isOk());
    assertThat(finder.myChats(KUZNETSOV, null, false, Pageable.unpaged()).map(ChatSummary::id).getContent()).doesNotContain(internal);
  }

  @Test
  void onlyTheCounterpartysNumbersJoinTheClientGroupByHand() throws Exception {
    Deal meter = deal("Узел учёта тепла"); // its client's number: +7 912 600-70-80
    Long client = finder.dealChat(meter.getId(), ChatKind.DEAL_CLIENT, Viewer.of("petrov", List.of(Group.MANAGERS.id())));

    mvc.perform(get("/chats/" + client + "/members").with(PETROV).header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Номера клиента в группе")))
        .andExpect(content().string(containsString("+79126007080 — Соколов Андрей")));
    mvc.perform(post("/chats/" + client + "/numbers").param("phone", "+79126007080").with(PETROV).with(csrf())
            .header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("убрать")));
    mvc.perform(post("/chats/" + client + "/numbers").param("phone", "+79990000000").with(PETROV).with(csrf())
            .header("HX-Request", "true"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("из карточки контрагента")));
    mvc.perform(post("/chats/" + client + "/numbers/delete").param("phone", "+79126007080").with(PETROV).with(csrf())
            .header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("с 2"))));
  }
}
