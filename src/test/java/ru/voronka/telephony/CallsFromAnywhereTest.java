package ru.voronka.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.voronka.support.TestClock;
import ru.voronka.support.WorkspaceTest;

/** TEL-1 (issue 15): a click on any number, or the dial pad, dials through the PBX; recent callers on the journal. */
class CallsFromAnywhereTest extends WorkspaceTest {

  static final RequestPostProcessor PETROV = user("petrov").roles("MANAGERS");
  static final RequestPostProcessor VOLKOV = user("volkov").roles("LOGISTS");

  @Autowired MockMvc mvc;
  @Autowired SimulatedPbx pbx;
  @Autowired JdbcTemplate jdbc;

  @Autowired ru.voronka.telephony.CallFollowUps followUps;

  @BeforeEach
  void officeHours() {
    TestClock.INSTANCE.moveToOfficeHours();
  }

  @org.junit.jupiter.api.AfterEach
  void closeTheCallsFollowUps() {
    ru.voronka.support.OpenFollowUps.close(followUps, "petrov");
  }

  @Test
  void aNumberInAnySpellingIsDialledFromTheManagersDesk_andTheJournalHasTheCall() throws Exception {
    mvc.perform(post("/calls/dial").param("number", "8 (912) 600-70-80").with(PETROV).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Звоним на +7 912 600-70-80: сначала зазвонит ваш телефон (доб. 101)")));
    SimulatedPbx.Line line = pbx.lines().stream().filter(l -> l.clientNumber().equals("+79126007080")
        && l.direction() == CallDirection.OUTGOING).reduce((a, b) -> b).orElseThrow();
    assertThat(jdbc.queryForObject("select e.user_id from phone_call c join employee e on e.id = c.employee_id where c.call_key = ?",
        String.class, line.key())).isEqualTo("petrov");
    pbx.hangUp(line.key());

    mvc.perform(post("/calls/dial").param("number", "позвони мне").with(PETROV).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("не номер телефона")));
    mvc.perform(post("/calls/dial").param("number", "+7 912 600-70-80").with(VOLKOV).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("не указан внутренний номер")));
    mvc.perform(post("/calls/dial").param("number", "+7 912 600-70-80").with(PETROV)).andExpect(status().isForbidden()); // CSRF
  }

  @Test
  void theJournalListsRecentCallersByName_andEveryNumberOnThePagesDials() throws Exception {
    String key = pbx.call("+7 912 600-70-80");
    pbx.hangUp(key); // a missed call from Соколов Андрей (ООО «Уралмет»)
    mvc.perform(get("/calls").with(PETROV)).andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"recent-callers\"")))
        .andExpect(content().string(containsString("data-dial=\"+79126007080\" title=\"Позвонить через АТС\"><b>Соколов Андрей</b>")))
        .andExpect(content().string(containsString("href=\"/calls/dial\"")));
    mvc.perform(get("/calls/dial").with(PETROV)).andExpect(status().isOk())
        .andExpect(content().string(containsString("data-pad-key=\"5\"")))
        .andExpect(content().string(containsString("Сначала зазвонит ваш телефон (доб. 101)")))
        .andExpect(content().string(containsString("Соколов Андрей")));
    long uralmet = jdbc.queryForObject("select id from counterparty where name = 'ООО «Уралмет»'", Long.class);
    mvc.perform(get("/counterparties/" + uralmet).with(PETROV))
        .andExpect(content().string(containsString("data-dial=\"+79126007080\"")));
    mvc.perform(get("/js/workspace.js")).andExpect(content().string(containsString("a[href^=\"tel:\"]")));
  }
}
