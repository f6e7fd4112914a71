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
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ru.voronka.chat.ChatFinder;
import ru.voronka.chat.ChatKind;
import ru.voronka.chat.ChatPosting;
import ru.voronka.chat.ClientDelivery;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Group;
import ru.voronka.notifications.Notice;
import ru.voronka.notifications.Notifier;
import ru.voronka.support.WorkspaceTest;

/**
 * TEL-10 in the demo: notifications texted to employees from the SIM of their carrier; SMS to clients
 * from their chat, through the outbox, from the SIM of the client's carrier, moved on by receipts.
 */
class SmsNotificationsTest extends WorkspaceTest {

  @Autowired Notifier notifier;
  @Autowired MockMvc mvc;
  @Autowired ChatFinder finder;
  @Autowired ClientDelivery delivery;
  @Autowired ChatPosting posting;
  @Autowired DealRepository deals;
  @Autowired SmsTemplates templates;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationEventPublisher events;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

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
  void aManagerTextsTheClientFromTheChat_byTemplateOrInTheirOwnWords_throughTheOutbox() throws Exception {
    var meter = deals.findAll().stream().filter(d -> d.getTitle().equals("Узел учёта тепла")).findFirst().orElseThrow();
    Long chat = finder.dealChat(meter.getId(), ChatKind.DEAL_CLIENT,
        Viewer.of("petrov", List.of(Group.MANAGERS.id())));
    Long reminder = templates.all().stream().filter(t -> t.name().equals("Напоминание об оплате")).findFirst().orElseThrow().id();

    mvc.perform(post("/chats/" + chat + "/sms").param("templateId", reminder.toString()).with(user("petrov").roles("MANAGERS"))
            .with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Здравствуйте, Андрей! Напоминаем об оплате счёта по сделке №"
            + meter.getId() + ". Петров Алексей")))
        .andExpect(content().string(containsString("title=\"SMS\"")));
    mvc.perform(post("/chats/" + chat + "/sms").param("text", "Счёт продублировал на почту").with(user("petrov").roles("MANAGERS"))
            .with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isOk());
    Long own = lastMessage(chat);
    assertThat(statusOf(own)).isEqualTo("QUEUED"); // stored first; the outbox's job sends it
    sendByTheOutbox(own);
    assertThat(statusOf(own)).isEqualTo("SENT");
    jdbc.update("update chat_message set status = 'FAILED' where id = ?", own); // as if the job's commit was lost
    delivery.deliver(own); // its retry hands the same SMS over: the gateway sends it once
    assertThat(statusOf(own)).isEqualTo("SENT");

    String page = mvc.perform(get("/simulator/sms").with(user("petrov").roles("MANAGERS")))
        .andExpect(content().string(containsString("+7 912 600-70-80")))
        .andReturn().getResponse().getContentAsString();
    assertThat(page.split("Счёт продублировал на почту", -1)).hasSize(2);
    mvc.perform(post("/chats/" + chat + "/sms").with(user("petrov").roles("MANAGERS")).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Выберите шаблон или напишите текст SMS")));
    mvc.perform(post("/chats/" + chat + "/sms").param("text", "я".repeat(1001)).with(user("petrov").roles("MANAGERS"))
            .with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("SMS длиннее 1000 знаков")));
    mvc.perform(post("/settings/messaging/sms-templates").param("name", "Новый").param("body", "Текст")
            .with(user("smirnova").roles("ROP")).with(csrf()))
        .andExpect(status().isForbidden());
  }

  @Test
  void anSmsFromTheClientsChatLeavesFromTheSimOfTheClientsCarrier() throws Exception {
    var sensors = deals.findAll().stream().filter(d -> d.getTitle().equals("Датчики давления")).findFirst().orElseThrow();
    Viewer kuznetsov = Viewer.of("kuznetsov", List.of(Group.MANAGERS.id()));
    Long chat = finder.dealChat(sensors.getId(), ChatKind.DEAL_CLIENT, kuznetsov);
    var sent = posting.sendSms(chat, kuznetsov, null, "Датчики отгружены сегодня");
    sendByTheOutbox(sent.id());

    String page = mvc.perform(get("/simulator/sms").with(user("kuznetsov").roles("MANAGERS")))
        .andReturn().getResponse().getContentAsString();
    int text = page.indexOf("Датчики отгружены сегодня");
    assertThat(page.substring(page.lastIndexOf("<tr>", text), text))
        .contains("+7 925 300-40-50").contains("+7 926 000-00-02"); // +7 925 is МегаФон's range: its SIM
  }

  @Test
  void aGatewaysReceiptMarksTheClientsSmsDeliveredOrFailed_evenAfterAnError() throws Exception {
    var meter = deals.findAll().stream().filter(d -> d.getTitle().equals("Узел учёта тепла")).findFirst().orElseThrow();
    Long chat = finder.dealChat(meter.getId(), ChatKind.DEAL_CLIENT, Viewer.of("petrov", List.of(Group.MANAGERS.id())));
    var sent = posting.sendSms(chat, Viewer.of("petrov", List.of(Group.MANAGERS.id())), null, "Проверка квитанции");
    sendByTheOutbox(sent.id());

    events.publishEvent(new SmsReport("chat-message-" + sent.id(), SmsReport.Outcome.FAILED, "UNDELIV"));
    assertThat(jdbc.queryForObject("select status_reason from chat_message where id = ?",
        String.class, sent.id())).isEqualTo("SMS не доставлено: UNDELIV");

    var late = posting.sendSms(chat, Viewer.of("petrov", List.of(Group.MANAGERS.id())), null, "Шлюз ответил поздно");
    delivery.markFailed(late.id(), "SMS-шлюз не ответил; ждём его ответа или квитанции");
    events.publishEvent(new SmsReport("chat-message-" + late.id(), SmsReport.Outcome.SENT, "ACCEPTED"));
    assertThat(statusOf(late.id())).isEqualTo("SENT");
    events.publishEvent(new SmsReport("chat-message-" + late.id(), SmsReport.Outcome.DELIVERED, "DELIVRD"));
    assertThat(statusOf(late.id())).isEqualTo("DELIVERED");
    events.publishEvent(new SmsReport("chat-message-" + late.id(), SmsReport.Outcome.SENT, "ENROUTE"));
    assertThat(statusOf(late.id())).isEqualTo("DELIVERED"); // never back
  }

  @Test
  void administratorsSeeTheSmsGatewaysState() throws Exception {
    mvc.perform(get("/settings/messaging").with(user("demoadmin").roles("CAMUNDA_ADMIN")))
        .andExpect(content().string(containsString("Состояние SMS-шлюза:")));
    mvc.perform(get("/settings/messaging").with(user("smirnova").roles("ROP")))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Состояние SMS-шлюза:"))));
  }

  /** What the job executor does (it is off in these tests): the outbox's job for that message. */
  void sendByTheOutbox(Long messageId) {
    runtime.createProcessInstanceQuery().processDefinitionKey("sendClientMessage").variableValueEquals("messageId", messageId)
        .list().forEach(p -> management.createJobQuery().processInstanceId(p.getId()).list()
            .forEach(job -> management.executeJob(job.getId())));
  }

  Long lastMessage(Long chat) {
    return jdbc.queryForObject("select max(id) from chat_message where chat_id = ?", Long.class, chat);
  }

  String statusOf(Long id) {
    return jdbc.queryForObject("select status from chat_message where id = ?", String.class, id);
  }
}
