package ru.voronka.deals;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.platform.RussianFormats;

/**
 * The РОП's conversion report (issue 15): of the «Продажа» deals created in a period, how many
 * reached each stage — by the furthest stage each one entered (its current stage, or the stage it was
 * lost at, or any stage its history says it entered: a jump by a button counts the stages passed) —
 * with the conversion from the previous stage and from the first, and the same per responsible manager.
 */
@Service
@Transactional(readOnly = true)
public class FunnelConversion {

  /** The stages a deal goes through, in order; «Сделка провалена» is no step but an exit. */
  static final List<DealStage> STEPS = Arrays.stream(DealStage.values())
      .filter(s -> s.funnel() == Funnel.SALES && s != DealStage.LOST).toList();

  public record Step(String stage, String title, long reached, int fromPrevious, int fromStart, long lostHere) {}

  public record ManagerRow(String userId, String fullName, long deals, long won, long lost, long open, int winRate,
      String wonSum, List<Long> reached) {}

  public record Report(long deals, long won, long lost, String wonSum, List<Step> steps, List<ManagerRow> managers) {}

  private final JdbcTemplate jdbc;

  FunnelConversion(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Report report(Instant from, Instant to) {
    record Row(long id, String userId, String fullName, DealStage stage, BigDecimal amount) {}
    List<Row> deals = jdbc.query("""
        select d.id, e.user_id, e.full_name, d.stage, d.amount from deal d left join employee e on e.id = d.responsible_id
        where d.funnel = 'SALES' and d.created_at >= ? and d.created_at < ?""",
        (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), DealStage.valueOf(rs.getString(4)), rs.getBigDecimal(5)),
        Timestamp.from(from), Timestamp.from(to));
    Map<Long, Integer> furthest = new HashMap<>();
    Map<Long, DealStage> lostAt = new HashMap<>();
    for (Row d : deals) {
      furthest.put(d.id(), d.stage() == DealStage.LOST ? 0 : STEPS.indexOf(d.stage()));
    }
    if (!deals.isEmpty()) {
      // The stages each deal entered or left, from its history (lost deals: the stage they were lost at).
      jdbc.query("""
          select h.deal_id, h.from_stage, h.to_stage from deal_history h join deal d on d.id = h.deal_id
          where d.funnel = 'SALES' and d.created_at >= ? and d.created_at < ? and (h.from_stage is not null or h.to_stage is not null)""",
          rs -> {
            long id = rs.getLong(1);
            for (String name : new String[] {rs.getString(2), rs.getString(3)}) {
              DealStage stage = name == null ? null : DealStage.valueOf(name);
              if (stage != null && STEPS.contains(stage)) {
                furthest.merge(id, STEPS.indexOf(stage), Math::max);
              }
            }
            if (DealStage.LOST.name().equals(rs.getString(3)) && rs.getString(2) != null) {
              lostAt.put(id, DealStage.valueOf(rs.getString(2)));
            }
          }, Timestamp.from(from), Timestamp.from(to));
    }

    long[] reached = new long[STEPS.size()];
    long[] lostHere = new long[STEPS.size()];
    Map<String, long[]> byManager = new LinkedHashMap<>();
    Map<String, Row> managers = new LinkedHashMap<>();
    Map<String, long[]> outcomes = new HashMap<>(); // won, lost
    Map<String, BigDecimal> wonSums = new HashMap<>();
    BigDecimal wonSum = BigDecimal.ZERO;
    long won = 0;
    long lost = 0;
    for (Row d : deals) {
      int far = furthest.getOrDefault(d.id(), 0);
      String key = d.userId() == null ? "" : d.userId();
      managers.putIfAbsent(key, d);
      long[] mine = byManager.computeIfAbsent(key, k -> new long[STEPS.size()]);
      for (int i = 0; i <= far; i++) {
        reached[i]++;
        mine[i]++;
      }
      long[] outcome = outcomes.computeIfAbsent(key, k -> new long[2]);
      if (d.stage() == DealStage.WON) {
        won++;
        outcome[0]++;
        BigDecimal amount = d.amount() == null ? BigDecimal.ZERO : d.amount();
        wonSum = wonSum.add(amount);
        wonSums.merge(key, amount, BigDecimal::add);
      } else if (d.stage() == DealStage.LOST) {
        lost++;
        outcome[1]++;
        lostHere[Math.max(0, STEPS.indexOf(lostAt.getOrDefault(d.id(), STEPS.get(far))))]++;
      }
    }
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < STEPS.size(); i++) {
      steps.add(new Step(STEPS.get(i).name(), STEPS.get(i).title(), reached[i],
          i == 0 ? 100 : percent(reached[i], reached[i - 1]), percent(reached[i], reached[0]), lostHere[i]));
    }
    List<ManagerRow> rows = new ArrayList<>();
    byManager.forEach((key, mine) -> {
      Row any = managers.get(key);
      long[] outcome = outcomes.get(key);
      long all = mine[0];
      rows.add(new ManagerRow(key.isEmpty() ? null : key, key.isEmpty() ? "Не назначен" : any.fullName(), all, outcome[0],
          outcome[1], all - outcome[0] - outcome[1], percent(outcome[0], all),
          RussianFormats.roubles(wonSums.getOrDefault(key, BigDecimal.ZERO)), Arrays.stream(mine).boxed().toList()));
    });
    rows.sort((a, b) -> a.userId() == null ? 1 : b.userId() == null ? -1 : a.fullName().compareTo(b.fullName()));
    return new Report(deals.size(), won, lost, RussianFormats.roubles(wonSum), steps, rows);
  }

  private static int percent(long part, long whole) {
    return whole == 0 ? 0 : (int) Math.round(part * 100.0 / whole);
  }
}
