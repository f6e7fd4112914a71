package ru.voronka.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.voronka.support.TestClock;
import ru.voronka.support.WorkspaceTest;

/**
 * TEL-2, TEL-4, TEL-5, TEL-8, TEL-9 through the demo's simulated PBX: a client's call rings their
 * manager and pops the card, the journal shows it (to that manager and the РОП), and the call is not
 * closed until the manager sets an order request or an event with a reminder.
 */
class TelephonyPagesTest extends WorkspaceTest {

  static final RequestPostProcessor PETROV = user("petrov").roles("MANAGERS");
  static final RequestPostProcessor KUZNETSOV = user("kuznetsov").roles("MANAGERS");
  static final RequestPostProcessor SMIRNOVA = user("smirnova").roles("ROP");

  @Autowired MockMvc mvc;
  @Autowired SimulatedPbx pbx;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  @Autowired CallFollowUps followUps;
  @Autowired ru.voronka.statistics.ManagerStatistics statistics;

  long callId(String key) {
    return jdbc.queryForObject("select id from phone_call where call_key = ?", Long.class, key);
  }

  String state(String key) {
    return jdbc.queryForObject("select state from phone_call where call_key = ?", String.class, key);
  }

  @org.junit.jupiter.api.BeforeEach
  void officeHours() {
    TestClock.INSTANCE.moveToOfficeHours(); // out of hours the routing table rings mobiles, not desks
  }

  @Test
  void aClientsCallReachesTheirManager_andCannotBeClosedWithoutWhatHappensNext() throws Exception {
    // «Узел учёта тепла» (ООО «Уралмет», +7 912 600-70-80) is Petrov's deal: his desk phone, доб. 101, rings.
    String key = pbx.call("8 (912) 600-70-80");
    assertThat(jdbc.queryForObject("select extension from phone_call where call_key = ?", String.class, key)).isEqualTo("101");
    // The routing decision is kept with the call: the DMN rule, then whom it rings in order.
    assertThat(jdbc.queryForObject("select route from phone_call where call_key = ?", String.class, key))
        .startsWith("Свой менеджер, затем очередь: Петров Алексей (доб. 101) → ");
    long id = callId(key);
    mvc.perform(get("/calls/" + id + "/card").with(PETROV).header("HX-Request", "true"))
        .andExpect(status().isOk()).andExpect(content().string(containsString("ООО «Уралмет»")))
        .andExpect(content().string(containsString("Узел учёта тепла")));
    mvc.perform(get("/calls/" + id + "/card").with(KUZNETSOV)).andExpect(status().isNotFound());
    mvc.perform(get("/calls/key/" + key + "/card").with(PETROV).header("HX-Request", "true")) // as popped from an AMI event
        .andExpect(status().isOk()).andExpect(content().string(containsString("ООО «Уралмет»")));

    pbx.answer(key);
    pbx.hangUp(key);
    assertThat(state(key)).isEqualTo("COMPLETED");
    // The client's chat shows the call: the chat hears of it after the journal's commit (CallFinished).
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        jdbc.queryForObject("select count(*) from chat_message where external_id = ?", Long.class, "call:" + key)).isEqualTo(1));

    // The card stays on every page until «Итог звонка» is done.
    mvc.perform(get("/").with(PETROV)).andExpect(content().string(containsString("/calls/" + id + "/card")));
    mvc.perform(get("/calls/" + id + "/card").with(PETROV)).andExpect(content().string(containsString("Итог звонка")));
    mvc.perform(post("/calls/" + id + "/follow-up").with(PETROV).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("без этого звонок не закрыть")));
    mvc.perform(post("/calls/" + id + "/follow-up").with(PETROV).with(csrf()).header("HX-Request", "true")
            .param("followUp", "EVENT").param("eventKind", "CALL").param("eventDue", "2026-11-24T10:30")
            .param("eventTitle", "Перезвонить: согласовать спецификацию"))
        .andExpect(status().isOk()).andExpect(content().string(containsString("Звонок 24.11.2026 10:30")));
    mvc.perform(get("/").with(PETROV)).andExpect(content().string(not(containsString("/calls/" + id + "/card"))));
    mvc.perform(get("/events").with(PETROV)).andExpect(status().isOk())
        .andExpect(content().string(containsString("Перезвонить: согласовать спецификацию")))
        .andExpect(content().string(containsString("ООО «Уралмет»")));

    // The РОП sees the queue new clients' calls follow.
    mvc.perform(get("/stats").with(SMIRNOVA)).andExpect(content().string(containsString("Очередь новых клиентов")))
        .andExpect(content().string(containsString("data-ranked=\"petrov\"")));

    // The journal: Petrov sees his call, Kuznetsov does not, the РОП sees all.
    mvc.perform(get("/calls").with(PETROV)).andExpect(content().string(containsString("+7 912 600-70-80")))
        .andExpect(content().string(containsString("<summary class=\"muted\">маршрут</summary>Свой менеджер, затем очередь")))
        .andExpect(content().string(containsString("hx-trigger=\"every 5s\""))) // live: the first page re-reads itself
        .andExpect(content().string(containsString("Состоялся")));
    mvc.perform(get("/calls").with(KUZNETSOV)).andExpect(content().string(not(containsString("data-call=\"" + id + "\""))));
    mvc.perform(get("/calls").param("state", "COMPLETED").with(SMIRNOVA))
        .andExpect(content().string(containsString("data-call=\"" + id + "\"")));
  }

  @Test
  void aStrangersMissedCall_endsWithANewClientCardAndAnOrderRequest() throws Exception {
    String key = pbx.call("+7 999 444-55-66");
    String first = jdbc.queryForObject("select extension from phone_call where call_key = ?", String.class, key);
    assertThat(first).isIn("101", "102", "103"); // the best manager by last week's margin who is free
    String firstManager = jdbc.queryForObject("select e.user_id from phone_call c join employee e on e.id = c.employee_id"
        + " where c.call_key = ?", String.class, key);
    mvc.perform(post("/calls/" + callId(key) + "/pass").with(user(
            "petrov".equals(firstManager) ? "sidorova" : "petrov").roles("MANAGERS")).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isForbidden()); // only the one whose desk rings passes it on
    mvc.perform(post("/calls/" + callId(key) + "/pass").with(user(firstManager).roles("MANAGERS")).with(csrf())
            .header("HX-Request", "true"))
        .andExpect(status().isOk()).andExpect(content().string(containsString("передан следующему")));
    String second = jdbc.queryForObject("select extension from phone_call where call_key = ?", String.class, key);
    assertThat(second).isNotEqualTo(first);
    pbx.hangUp(key);
    assertThat(state(key)).isEqualTo("MISSED");

    long id = callId(key);
    String manager = jdbc.queryForObject("select e.user_id from phone_call c join employee e on e.id = c.employee_id where c.id = ?",
        String.class, id);
    RequestPostProcessor them = user(manager).roles("MANAGERS");
    mvc.perform(get("/calls/" + id + "/card").with(them)).andExpect(content().string(containsString("Новый клиент")))
        .andExpect(content().string(containsString("/deals/new?phone="))); // «Новая сделка» from the call card
    mvc.perform(post("/calls/" + id + "/follow-up").with(them).with(csrf()).header("HX-Request", "true")
            .param("followUp", "REQUEST").param("requestTitle", "Термометры биметаллические"))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Название клиента")));
    mvc.perform(post("/calls/" + id + "/follow-up").with(them).with(csrf()).header("HX-Request", "true")
            .param("followUp", "REQUEST").param("requestTitle", "Термометры биметаллические")
            .param("clientName", "ООО «Новый звонок»").param("contactName", "Жукова Полина").param("readiness", "HOT"))
        .andExpect(status().isOk()).andExpect(content().string(containsString("Заявка: сделка №")));
    assertThat(jdbc.queryForObject("""
        select k.full_name from contact k join counterparty c on c.id = k.counterparty_id where c.name = 'ООО «Новый звонок»'""",
        String.class)).isEqualTo("Жукова Полина"); // the person, not the company

    assertThat(jdbc.queryForObject("select readiness from counterparty where name = 'ООО «Новый звонок»'", String.class))
        .isEqualTo("HOT");
    assertThat(jdbc.queryForObject("""
        select count(*) from deal d join counterparty c on c.id = d.counterparty_id
        where c.name = 'ООО «Новый звонок»' and d.title = 'Термометры биметаллические'""", Long.class)).isEqualTo(1);
  }

  @Test
  void theLeadManagesALiveCallFromItsCard_transferAndListenIn() throws Exception {
    String key = pbx.call("+7 999 444-55-67"); // a stranger's call: no deal's history grows for the other tests
    long id = callId(key);
    mvc.perform(get("/calls/" + id + "/card").with(SMIRNOVA).header("HX-Request", "true")) // «Управлять» in the journal
        .andExpect(status().isOk()).andExpect(content().string(containsString("Перевести на доб.")))
        .andExpect(content().string(containsString("Прослушать")))
        .andExpect(content().string(containsString("Подсказать менеджеру")))
        .andExpect(content().string(containsString("Вмешаться")))
        .andExpect(content().string(containsString("</section>"))); // the whole card, not a truncated one
    mvc.perform(post("/calls/" + id + "/spy").param("mode", "LISTEN").with(SMIRNOVA).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isOk()).andExpect(content().string(containsString("Прослушать: ваш телефон сейчас зазвонит")))
        .andExpect(content().string(containsString("</section>")));
    String other = "101".equals(extension(key)) ? "102" : "101";
    mvc.perform(post("/calls/" + id + "/transfer").param("extension", other).with(SMIRNOVA).with(csrf())
            .header("HX-Request", "true"))
        .andExpect(status().isOk()).andExpect(content().string(containsString("</section>")));
    assertThat(extension(key)).isEqualTo(other);
    endedAndFollowedUp(key);
  }

  @Test
  void aLineBreakNeverReachesThePbx_theTransferExtensionAndTheClientsNumberAreRefused() throws Exception {
    String key = pbx.call("+7 999 444-55-68");
    String rung = extension(key);
    mvc.perform(post("/calls/" + callId(key) + "/transfer").param("extension", "12\r\nAction: Originate").with(SMIRNOVA)
            .with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("только цифры")));
    assertThat(extension(key)).isEqualTo(rung);
    endedAndFollowedUp(key);

    // a client's number is a number, not text: it is dialled later by click-to-call (COM-2)
    mvc.perform(post("/api/deals").with(PETROV).with(csrf()).contentType("application/json").content("""
            {"title": "Инъекция", "client": {"name": "ООО «Строка»", "phone": "+7 912 600-70-81\\r\\nAction: Originate"}}"""))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("не номер телефона")));
  }

  /** TEL-7 (issue 12): out of hours the call rings a manager's mobile; answered there, it is that manager's call. */
  @Test
  void outOfHoursACallAnsweredOnAManagersMobileIsHis_inTheJournalCardFollowUpAndStatistics() throws Exception {
    TestClock.INSTANCE.moveTo(TestClock.INSTANCE.nextWeekday(java.time.LocalTime.of(21, 0)));
    String key = pbx.call("+7 999 444-55-69");
    assertThat(jdbc.queryForObject("select route from phone_call where call_key = ?", String.class, key))
        .startsWith("Вне рабочего времени — на мобильные");
    String manager = jdbc.queryForObject("select e.user_id from phone_call c join employee e on e.id = c.employee_id"
        + " where c.call_key = ?", String.class, key);
    assertThat(extension(key)).isNull(); // no desk: his mobile
    long id = callId(key);
    RequestPostProcessor him = user(manager).roles("MANAGERS");
    mvc.perform(get("/calls/" + id + "/card").with(him).header("HX-Request", "true")).andExpect(status().isOk());

    pbx.answer(key);
    pbx.hangUp(key);
    assertThat(state(key)).isEqualTo("COMPLETED");
    mvc.perform(get("/calls").with(him)).andExpect(content().string(containsString("data-call=\"" + id + "\"")))
        .andExpect(content().string(containsString("<span class=\"muted\">мобильный</span>")));
    assertThat(followUps.open(manager)).anyMatch(open -> open.callId() == id); // «Итог звонка» is his
    long employee = jdbc.queryForObject("select id from employee where user_id = ?", Long.class, manager);
    java.time.Instant today = TestClock.INSTANCE.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    assertThat(statistics.figures(today.minus(java.time.Duration.ofDays(1)), today.plus(java.time.Duration.ofDays(2)), employee))
        .singleElement().satisfies(row -> assertThat(row.incoming()).isPositive()); // his statistics and plan count it
    endedAndFollowedUp(key);
  }

  String extension(String key) {
    return jdbc.queryForObject("select extension from phone_call where call_key = ?", String.class, key);
  }

  /** The stranger hangs up (if still on the line); whoever it rang last closes the follow-up, so other tests' pages stay clear. */
  void endedAndFollowedUp(String key) throws Exception {
    pbx.hangUp(key);
    String manager = jdbc.queryForObject("select e.user_id from phone_call c join employee e on e.id = c.employee_id"
        + " where c.call_key = ?", String.class, key);
    mvc.perform(post("/calls/" + callId(key) + "/follow-up").with(user(manager).roles("MANAGERS")).with(csrf())
            .header("HX-Request", "true").param("clientName", "ООО «Звонок " + key.substring(4, 12) + "»").param("readiness", "NORM")
            .param("followUp", "EVENT").param("eventKind", "CALL").param("eventDue", "2026-12-24T10:30")
            .param("eventTitle", "Перезвонить"))
        .andExpect(status().isOk());
  }

  @Test
  void theSoftphonePageLetsANewcomerCallTheCompany() throws Exception {
    mvc.perform(get("/simulator/phone").with(PETROV)).andExpect(status().isOk())
        .andExpect(content().string(containsString("Позвонить в компанию")))
        .andExpect(content().string(containsString("+7 912 600-70-80"))); // the known clients, as people read numbers
    mvc.perform(post("/simulator/phone/call").param("phone", "неизвестно").with(PETROV).with(csrf()))
        .andExpect(status().isBadRequest());
  }
}
