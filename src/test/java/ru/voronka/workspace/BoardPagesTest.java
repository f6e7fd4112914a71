package ru.voronka.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.voronka.deals.DealBoard;
import ru.voronka.deals.FunnelConversion;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Group;
import ru.voronka.support.WorkspaceTest;

/** Issue 15: the funnel as a board beside the desktop's list, and the РОП's conversion report. */
class BoardPagesTest extends WorkspaceTest {

  static final RequestPostProcessor PETROV = user("petrov").roles("MANAGERS");
  static final RequestPostProcessor SMIRNOVA = user("smirnova").roles("ROP");

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired DealBoard board;
  @Autowired FunnelConversion conversion;

  @Test
  void aManagersBoardShowsTheirDealsAndTheNewRequestsByStage_withCountsAndSumsInRoubles() throws Exception {
    mvc.perform(get("/").with(PETROV)).andExpect(content().string(containsString("<a href=\"/deals/board\">Канбан</a>")));
    mvc.perform(get("/deals/board").with(PETROV)).andExpect(status().isOk())
        .andExpect(content().string(containsString("data-stage=\"NEW\"")))
        .andExpect(content().string(containsString("data-stage=\"WON\"")))
        .andExpect(content().string(containsString("Поставка обратных клапанов")))
        .andExpect(content().string(containsString("340\u00a0000\u00a0₽")))
        .andExpect(content().string(containsString("Манометры для котельной"))) // a new request nobody has taken
        .andExpect(content().string(not(containsString("Насосная станция для ТЭЦ")))) // Sidorova's
        .andExpect(content().string(containsString("<a href=\"/\">Список</a>")));
    // The columns' counts and sums are the stage's whole, whatever the cards show.
    var petrovs = board.board(Viewer.of("petrov", List.of(Group.MANAGERS.id())), null, null);
    long visible = jdbc.queryForObject("""
        select count(*) from deal d left join employee e on e.id = d.responsible_id
        where d.funnel = 'SALES' and (e.user_id is null or e.user_id = 'petrov')""", Long.class);
    assertThat(petrovs.columns().stream().mapToLong(DealBoard.Column::count).sum()).isEqualTo(visible);
    var newColumn = petrovs.columns().get(0);
    assertThat(newColumn.title()).isEqualTo("Новая заявка");
    assertThat(newColumn.sumText()).endsWith("\u00a0₽").doesNotContain(",");
  }

  @Test
  void theРопSeesEveryDeal_filtersByManager_andSearches() throws Exception {
    mvc.perform(get("/deals/board").with(SMIRNOVA))
        .andExpect(content().string(containsString("Насосная станция для ТЭЦ")))
        .andExpect(content().string(containsString("Поставка обратных клапанов")));
    mvc.perform(get("/deals/board").param("responsible", "sidorova").with(SMIRNOVA))
        .andExpect(content().string(containsString("Насосная станция для ТЭЦ")))
        .andExpect(content().string(not(containsString("Поставка обратных клапанов"))));
    mvc.perform(get("/deals/board").param("q", "клапан").with(SMIRNOVA))
        .andExpect(content().string(containsString("Поставка обратных клапанов")))
        .andExpect(content().string(not(containsString("Насосная станция для ТЭЦ"))));
    // A manager cannot look at another's board by the filter.
    mvc.perform(get("/deals/board").param("responsible", "sidorova").with(PETROV))
        .andExpect(content().string(not(containsString("Насосная станция для ТЭЦ"))));
  }

  @Test
  void theConversionReportCountsHowFarThePeriodsDealsWent_byStageAndManager_forTheРопOnly() throws Exception {
    mvc.perform(get("/stats/conversion").param("from", "2000-01-01").param("to", "2100-01-01").with(SMIRNOVA))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<svg class=\"funnel-chart\"")))
        .andExpect(content().string(containsString("data-stage=\"WON\"")))
        .andExpect(content().string(containsString("data-manager=\"petrov\"")))
        .andExpect(content().string(containsString("Не назначен")));
    mvc.perform(get("/stats").with(SMIRNOVA)).andExpect(content().string(containsString("href=\"/stats/conversion\"")));
    mvc.perform(get("/stats/conversion").with(PETROV)).andExpect(status().isForbidden())
        .andExpect(content().string(containsString("доступен руководителю отдела продаж")));
    mvc.perform(get("/stats/conversion").param("from", "2026-12-01").param("to", "2026-11-01").with(SMIRNOVA))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/stats/conversion").param("from", "1990-01-01").param("to", "1990-01-31").with(SMIRNOVA))
        .andExpect(content().string(containsString("За этот период сделок не создавали")));

    var report = conversion.report(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"));
    long sales = jdbc.queryForObject("select count(*) from deal where funnel = 'SALES'", Long.class);
    assertThat(report.deals()).isEqualTo(sales);
    assertThat(report.steps().get(0).reached()).isEqualTo(sales); // every deal starts as a request
    var won = report.steps().stream().filter(s -> s.stage().equals("WON")).findFirst().orElseThrow();
    assertThat(won.reached()).isEqualTo(report.won()).isPositive();
    // Every stage is reached by no more deals than the one before it.
    for (int i = 1; i < report.steps().size(); i++) {
      assertThat(report.steps().get(i).reached()).isLessThanOrEqualTo(report.steps().get(i - 1).reached());
    }
    assertThat(report.steps().stream().mapToLong(FunnelConversion.Step::lostHere).sum()).isEqualTo(report.lost());
    assertThat(report.managers().stream().mapToLong(FunnelConversion.ManagerRow::deals).sum()).isEqualTo(sales);
  }
}
