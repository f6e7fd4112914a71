package ru.voronka.deals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.voronka.deals.DealService.DealFields;
import ru.voronka.support.WorkspaceTest;

/**
 * The board's counts and sums are kept as deals change ({@link DealTally}): after every kind of change —
 * a new deal, taken into work, a new amount, another responsible, a loss — the kept rows are what counting
 * the deals gives; a deal changed by SQL behind the application's back is put right by the recount at the
 * next start or night.
 */
class DealTallyTest extends WorkspaceTest {

  static final Viewer ROP = Viewer.of("smirnova", List.of("rop"));
  static final Viewer PETROV = Viewer.of("petrov", List.of("managers"));

  @Autowired DealService deals;
  @Autowired DealTally tally;
  @Autowired DealBoard board;
  @Autowired JdbcTemplate jdbc;
  @Autowired ru.voronka.platform.cluster.ScheduledWork scheduledWork;

  @Test
  void everyChangeOfADealMovesItInTheTally_asCountingTheDealsWould() {
    tally.recount(); // other tests of this context write deals by SQL too

    Deal deal = deals.create(new NewDeal("Поставка задвижек для табло", null,
        new NewDeal.NewClient("ООО «Счёт стадий»", null, "Тверь", "Счётов Иван", null, null), new BigDecimal("120000.50"),
        null, "Россия", null, null), ROP);
    Long id = deal.getId();
    assertThat(tally.recount()).as("a new deal").isZero();

    deals.act(id, DealAction.TAKE_INTO_WORK, PETROV);
    assertThat(stageOf(id)).isEqualTo("IN_WORK");
    assertThat(tally.recount()).as("taken into work: another stage and a responsible").isZero();

    deals.editFields(id, new DealFields("Поставка задвижек для табло", new BigDecimal("99000"), null, "Россия", null, null), PETROV);
    assertThat(tally.recount()).as("a new amount").isZero();

    deals.changeResponsible(id, "sidorova", ROP);
    assertThat(tally.recount()).as("another responsible").isZero();

    deals.lose(id, LostReason.NO_MONEY, null, ROP);
    assertThat(stageOf(id)).isEqualTo("LOST");
    assertThat(tally.recount()).as("lost").isZero();

    // The board reads the tally: the РОП's columns are what counting every deal gives.
    var counted = jdbc.queryForList("select stage, count(*) deals, coalesce(sum(amount), 0) amount from deal "
        + "where funnel = 'SALES' group by stage");
    var columns = board.board(ROP, null, null).columns();
    for (var row : counted) {
      var column = columns.stream().filter(c -> c.stage().equals(row.get("STAGE"))).findFirst().orElseThrow();
      assertThat(column.count()).as(column.title()).isEqualTo(((Number) row.get("DEALS")).longValue());
      assertThat(column.sum()).as(column.title()).isEqualByComparingTo((BigDecimal) row.get("AMOUNT"));
    }
  }

  @Test
  void aDealChangedBySqlIsPutRightByTheRecount_atStartOrAtNight() throws InterruptedException {
    tally.recount();
    Long id = jdbc.queryForObject("select min(id) from deal where funnel = 'SALES' and stage = 'NEW'", Long.class);
    jdbc.update("update deal set stage = 'KP' where id = ?", id);
    try {
      assertThat(tally.recount()).as("the rows of «Новая заявка» and «КП» of its responsible").isEqualTo(2);
      assertThat(tally.recount()).isZero();
    } finally {
      jdbc.update("update deal set stage = 'NEW' where id = ?", id);
    }
    for (int i = 0; i < 100 && !scheduledWork.here(); i++) {
      Thread.sleep(100); // the night's recount runs on the node that leads the scheduled work
    }
    tally.nightly();
    assertThat(tally.recount()).as("put right by the night's recount").isZero();
  }

  private String stageOf(Long id) {
    return jdbc.queryForObject("select stage from deal where id = ?", String.class, id);
  }
}
