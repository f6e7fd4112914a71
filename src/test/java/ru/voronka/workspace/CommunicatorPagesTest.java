package ru.voronka.workspace;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.voronka.chat.ChatFinder;
import ru.voronka.chat.ChatKind;
import ru.voronka.chat.ChatPosting;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Group;
import ru.voronka.support.WorkspaceTest;
import ru.voronka.whatsapp.GroupJoinLinks;

/** The communicator's pages and fragments as the browser gets them, with their access rules. */
class CommunicatorPagesTest extends WorkspaceTest {

  static final RequestPostProcessor PETROV = user("petrov").roles("MANAGERS");
  static final RequestPostProcessor SIDOROVA = user("sidorova").roles("MANAGERS");
  static final RequestPostProcessor ROP = user("smirnova").roles("ROP");
  static final RequestPostProcessor ADMIN = user("demoadmin").roles("CAMUNDA_ADMIN");

  @Autowired MockMvc mvc;
  @Autowired ChatFinder finder;
  @Autowired ChatPosting posting;
  @Autowired DealRepository deals;
  @Autowired GroupJoinLinks joinLinks;

  Deal deal(String title) {
    return deals.findAll().stream().filter(d -> d.getTitle().equals(title)).findFirst().orElseThrow();
  }

  Long clientChat(String title, String responsible) {
    return finder.dealChat(deal(title).getId(), ChatKind.DEAL_CLIENT, Viewer.of(responsible, List.of(Group.MANAGERS.id())));
  }

  @Test
  void theCommunicatorShowsTheTreeAndAnOpenChat() throws Exception {
    Long valves = clientChat("Поставка обратных клапанов", "petrov");
    mvc.perform(get("/chats").with(PETROV))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Коммуникатор")))
        .andExpect(content().string(containsString("Отдел продаж")))
        .andExpect(content().string(not(containsString("Насосная станция"))));
    mvc.perform(get("/chats/" + valves).with(PETROV))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Когда ждать коммерческое предложение")))
        .andExpect(content().string(containsString("Позвонить")))
        .andExpect(content().string(containsString("Лента событий")))
        .andExpect(content().string(containsString("Бизнес-процесс")))
        .andExpect(content().string(containsString("msg theirs unread")));
  }

  @Test
  void anotherManagersClientChatIsNotFound() throws Exception {
    Long pumps = clientChat("Насосная станция для ТЭЦ", "sidorova");
    mvc.perform(get("/chats/" + pumps).with(PETROV))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("Чат №" + pumps + " не найден")));
    mvc.perform(get("/deals/" + deal("Насосная станция для ТЭЦ").getId() + "/chat/client").with(PETROV).header("HX-Request", "true"))
        .andExpect(status().isNotFound());
    mvc.perform(get("/deals/" + deal("Насосная станция для ТЭЦ").getId() + "/chat/client").with(SIDOROVA))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Пропущенный звонок")));
  }

  @Test
  void sendingAMessageReturnsItsRowAndAnEmptyOneIsRefused() throws Exception {
    Long meter = clientChat("Узел учёта тепла", "petrov");
    mvc.perform(multipart("/chats/" + meter + "/messages")
            .file(new MockMultipartFile("files", "счёт.pdf", "application/pdf", new byte[] {1, 2, 3}))
            .param("text", "Счёт во вложении").with(PETROV).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("msg ours")))
        .andExpect(content().string(containsString("Счёт во вложении")))
        .andExpect(content().string(containsString("счёт.pdf")))
        .andExpect(content().string(containsString("Отправляется"))); // stored; the outbox's job sends it
    mvc.perform(post("/chats/" + meter + "/messages").param("text", "  ").with(PETROV).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Напишите сообщение или приложите файл")));
  }

  @Test
  void onlyAnAdministratorMayDelete() throws Exception {
    Long meter = clientChat("Узел учёта тепла", "petrov");
    Long id = posting.post(meter, Viewer.of("petrov", List.of(Group.MANAGERS.id())), "лишнее", List.of()).id();
    mvc.perform(post("/chats/messages/" + id + "/delete").with(PETROV).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isForbidden())
        .andExpect(content().string(containsString("Удалять переписку может только администратор")));
    mvc.perform(post("/chats/messages/" + id + "/delete").with(ADMIN).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Сообщение удалено")));
    mvc.perform(get("/admin/chats").with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<td data-action>Сообщение удалено</td>")));
    mvc.perform(get("/admin/chats").with(PETROV)).andExpect(status().isForbidden());
  }

  @Test
  void newMessagesCounterpartyChatsAndSettings() throws Exception {
    Deal valves = deal("Поставка обратных клапанов");
    mvc.perform(get("/messages/new").with(ROP))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/deals/" + valves.getId() + "?tab=client")));
    mvc.perform(get("/counterparties/" + valves.getCounterparty().getId() + "/chats").with(PETROV))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<details class=\"deal-chats\">")))
        .andExpect(content().string(containsString("Клиент WhatsApp")));
    mvc.perform(get("/counterparties/" + valves.getCounterparty().getId() + "/feed").with(SIDOROVA))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Событий с клиентом пока нет")));
    mvc.perform(post("/settings").param("popupMinutes", "-1").with(SIDOROVA).with(csrf()))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Интервал напоминаний")));
    mvc.perform(post("/settings").param("popupMinutes", "0").with(SIDOROVA).with(csrf()))
        .andExpect(redirectedUrl("/settings"));
    mvc.perform(get("/settings").with(SIDOROVA))
        .andExpect(content().string(containsString("value=\"0\"")))
        .andExpect(content().string(containsString("data-popup-minutes=\"0\"")));
  }

  @Test
  void theWhatsAppSimulatorGoesThroughTheInbox_aClientReachesTheDealChat_aStrangerGetsTheAutomaticReply() throws Exception {
    Deal sensors = deal("Датчики давления"); // the client's number is +7 925 300-40-50
    mvc.perform(post("/simulator/whatsapp").param("phone", "8 (925) 300-40-50").param("name", "Ольга")
            .param("text", "Счёт получили, оплатим в пятницу").with(ROP).with(csrf()))
        .andExpect(redirectedUrl("/simulator/whatsapp?phone=%2B79253004050"));
    mvc.perform(post("/simulator/whatsapp").param("phone", "+79253004050").param("missedCall", "true").with(ROP).with(csrf()))
        .andExpect(status().isFound());
    mvc.perform(get("/deals/" + sensors.getId() + "/chat/client").with(user("kuznetsov").roles("MANAGERS")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("оплатим в пятницу")))
        .andExpect(content().string(containsString("Пропущенный звонок")));

    mvc.perform(post("/simulator/whatsapp").param("phone", "+7 999 000-11-22").param("text", "Продаёте манометры?")
            .with(ROP).with(csrf()))
        .andExpect(status().isFound());
    mvc.perform(get("/simulator/whatsapp").param("phone", "+79990001122").with(ROP))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Продаёте манометры?")))
        .andExpect(content().string(containsString("8-495-649-84-47")));

    mvc.perform(post("/simulator/whatsapp").param("phone", "не номер").param("text", "x").with(ROP).with(csrf()))
        .andExpect(status().isBadRequest());

    // WA-10 in the simulator: the client's own number asks to join; a stranger's is refused.
    String join = joinLinks.joinText(sensors.getId());
    mvc.perform(get("/simulator/whatsapp").param("phone", "+79253004050").with(ROP))
        .andExpect(content().string(containsString(join)));
    mvc.perform(post("/simulator/whatsapp").param("phone", "+79253004050").param("text", join).with(ROP).with(csrf()))
        .andExpect(flash().attribute("outcome",
            containsString("Рассмотреть запрос на вступление")));
    mvc.perform(post("/simulator/whatsapp").param("phone", "+79990001122").param("text", join).with(ROP).with(csrf()))
        .andExpect(flash().attribute("outcome",
            containsString("вступление отклонено")));
  }

  @Test
  void pickingAChatListsColleaguesAndChats_andTheSimulatorPageRenders() throws Exception {
    mvc.perform(get("/chats/pick").param("q", "Смирнова").with(PETROV))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Смирнова Елена")))
        .andExpect(content().string(containsString("/chats/with/smirnova")));
    mvc.perform(post("/chats/with/smirnova").with(PETROV).with(csrf()))
        .andExpect(status().isFound());
    mvc.perform(post("/chats/with/petrov").with(PETROV).with(csrf()))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("не с собой")));
    mvc.perform(get("/simulator/whatsapp").with(PETROV))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("вы — клиент")));
    mvc.perform(get("/chats/unread-count").with(user("kuznetsov").roles("MANAGERS")))
        .andExpect(status().isOk());
  }
}
