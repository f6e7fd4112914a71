package ru.voronka.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.voronka.support.WorkspaceTest;
import ru.voronka.telephony.SimulatedPbx;

/** TEL-3 and TEL-11: the statistics table with its chart, the plan generated then edited, the home screen's charts. */
class StatisticsPagesTest extends WorkspaceTest {

  static final RequestPostProcessor SIDOROVA = user("sidorova").roles("MANAGERS");
  static final RequestPostProcessor KUZNETSOV = user("kuznetsov").roles("MANAGERS");
  static final RequestPostProcessor SMIRNOVA = user("smirnova").roles("ROP");

  @Autowired MockMvc mvc;
  @Autowired SimulatedPbx pbx;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void aManagerSeesTheirOwnFigures_theLeadEveryManagers() throws Exception {
    String key = pbx.call("+7 999 700-10-20"); // a stranger: rings somebody by the ranking
    pbx.hangUp(key);

    mvc.perform(get("/stats").with(SMIRNOVA)).andExpect(status().isOk())
        .andExpect(content().string(containsString("data-manager=\"petrov\"")))
        .andExpect(content().string(containsString("data-manager=\"sidorova\"")))
        .andExpect(content().string(containsString("data-manager=\"kuznetsov\"")))
        .andExpect(content().string(containsString("data-chart=")))
        .andExpect(content().string(containsString("Пропущенные звонки")));
    mvc.perform(get("/stats").with(SIDOROVA)).andExpect(status().isOk())
        .andExpect(content().string(containsString("data-manager=\"sidorova\"")))
        .andExpect(content().string(not(containsString("data-manager=\"petrov\""))));
    mvc.perform(get("/stats").param("from", "2026-12-01").param("to", "2026-11-01").with(SMIRNOVA))
        .andExpect(status().isBadRequest());
  }

  @Test
  void thePlanIsMadeFromTheTargets_thenEditedByTheLead_notByTheManager() throws Exception {
    long kuznetsov = jdbc.queryForObject("select id from employee where user_id = 'kuznetsov'", Long.class);
    mvc.perform(get("/plans").param("kind", "MONTH").with(KUZNETSOV)).andExpect(status().isOk())
        .andExpect(content().string(containsString("План создан системой")))
        .andExpect(content().string(not(containsString("Сохранить план")))); // a manager has no form for their own plan
    mvc.perform(post("/plans").with(KUZNETSOV).with(csrf()).param("kind", "MONTH").param("manager", "0")
            .param("calls", "350").param("events", "90").param("deals", "7").param("margin", "700000"))
        .andExpect(status().isForbidden())
        .andExpect(content().string(containsString("меняет руководитель отдела продаж")));
    mvc.perform(get("/plans").param("kind", "MONTH").param("manager", String.valueOf(kuznetsov)).with(SMIRNOVA))
        .andExpect(content().string(containsString("value=\"300\""))); // the monthly calls target
    mvc.perform(post("/plans").with(SMIRNOVA).with(csrf()).param("kind", "MONTH").param("manager", String.valueOf(kuznetsov))
            .param("calls", "350").param("events", "90").param("deals", "7").param("margin", "700000"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/plans").param("kind", "MONTH").with(KUZNETSOV))
        .andExpect(content().string(containsString(">350<")))
        .andExpect(content().string(containsString("План изменён руководителем")));
    mvc.perform(post("/plans").with(SMIRNOVA).with(csrf()).param("kind", "WEEK").param("manager", String.valueOf(kuznetsov))
            .param("calls", "-1").param("events", "0").param("deals", "0").param("margin", "0"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void theHomeScreenDrawsTheWeeksCallsAndPlan() throws Exception {
    mvc.perform(get("/home/figures").with(SIDOROVA).header("HX-Request", "true")).andExpect(status().isOk())
        .andExpect(content().string(containsString("Мои звонки за 7 дней")))
        .andExpect(content().string(containsString("План недели")));
    mvc.perform(get("/").with(SIDOROVA)).andExpect(content().string(containsString("/webjars/chart.js/dist/chart.umd.min.js")));
    mvc.perform(get("/webjars/chart.js/dist/chart.umd.min.js").with(SIDOROVA)).andExpect(status().isOk());
  }

  @Test
  void periodsStartOnMondayTheFirstAndTheFirstOfJanuary() {
    LocalDate wednesday = LocalDate.of(2026, 11, 25);
    assertThat(Period.of(Period.Kind.WEEK, wednesday).start()).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(Period.of(Period.Kind.MONTH, wednesday).end()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(Period.of(Period.Kind.YEAR, wednesday).title()).isEqualTo("2026 год");
    assertThat(Period.of(Period.Kind.MONTH, wednesday).title()).isEqualTo("ноябрь 2026");
  }
}
