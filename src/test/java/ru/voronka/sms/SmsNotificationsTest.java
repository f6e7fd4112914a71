package ru.voronka.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ru.voronka.chat.ChatKind;
import ru.voronka.chat.Chats;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Group;
import ru.voronka.notifications.Notice;
import ru.voronka.notifications.Notifier;
import ru.voronka.support.WorkspaceTest;

/** TEL-10 in the demo: notifications texted to employees from the SIM of their carrier; SMS to clients from their chat. */
class SmsNotificationsTest extends WorkspaceTest {

  @Autowired Notifier notifier;
  @Autowired MockMvc mvc;
  @Autowired Chats chats;
  @Autowired DealRepository deals;
  @Autowired SmsTemplates templates;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationEventPublisher events;

  @Test
  void anEscalationIsTextedFromTheSimOfTheRecipientsCarrier() throws Exception {
    notifier.notifyUsers(List.of("sidorova"), new Notice("Заявку №7 не взяли в работу за час", null, 7L, null));

    mvc.perform(get("/simulator/sms").with(user("demoadmin").roles("CAMUNDA_ADMIN")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Воронка: Заявку №7 не взяли в работу за час")))
        .andExpect(content().string(containsString("+7 926 100-20-02"))) // Сидорова's mobile, МегаФон
        .andExpect(content().string(containsString("+7 926 000-00-02"))); // the gateway's МегаФон SIM
  }

  @Test
  void aManagerTextsTheClientFromTheChat_byTemplateOrInTheirOwnWords() throws Exception {
    var meter = deals.findAll().stream().filter(d -> d.getTitle().equals("Узел учёта тепла")).findFirst().orElseThrow();
    Long chat = chats.dealChat(meter.getId(), ChatKind.DEAL_CLIENT,
        Viewer.of("petrov", List.of(Group.MANAGERS.id())));
    Long reminder = templates.all().stream().filter(t -> t.name().equals("Напоминание об оплате")).findFirst().orElseThrow().id();

    mvc.perform(post("/chats/" + chat + "/sms").param("templateId", reminder.toString()).with(user("petrov").roles("MANAGERS"))
            .with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Здравствуйте, Соколов Андрей! Напоминаем об оплате счёта по сделке №"
            + meter.getId() + ". Петров Алексей")))
        .andExpect(content().string(containsString("title=\"SMS\"")));
    mvc.perform(post("/chats/" + chat + "/sms").param("text", "Счёт продублировал на почту").with(user("petrov").roles("MANAGERS"))
            .with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isOk());
    mvc.perform(get("/simulator/sms").with(user("petrov").roles("MANAGERS")))
        .andExpect(content().string(containsString("+7 912 600-70-80")))
        .andExpect(content().string(containsString("Счёт продублировал на почту")));
    mvc.perform(post("/chats/" + chat + "/sms").with(user("petrov").roles("MANAGERS")).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Выберите шаблон или напишите текст SMS")));
    mvc.perform(post("/settings/messaging/sms-templates").param("name", "Новый").param("body", "Текст")
            .with(user("smirnova").roles("ROP")).with(csrf()))
        .andExpect(status().isForbidden());
  }

  @Test
  void aGatewaysReceiptMarksTheClientsSmsDeliveredOrFailed() throws Exception {
    var meter = deals.findAll().stream().filter(d -> d.getTitle().equals("Узел учёта тепла")).findFirst().orElseThrow();
    Long chat = chats.dealChat(meter.getId(), ChatKind.DEAL_CLIENT, Viewer.of("petrov", List.of(Group.MANAGERS.id())));
    var sent = chats.sendSms(chat, Viewer.of("petrov", List.of(Group.MANAGERS.id())), null, "Проверка квитанции");
    String external = jdbc.queryForObject("select external_id from chat_message where id = ?", String.class, sent.id());
    String gatewayId = external.substring("sms:simulator:".length(), external.indexOf('#'));

    events.publishEvent(new SmsDelivered("simulator", gatewayId, false, "UNDELIV"));

    assertThat(jdbc.queryForObject("select status_reason from chat_message where id = ?",
        String.class, sent.id())).isEqualTo("SMS не доставлено: UNDELIV");
  }
}
