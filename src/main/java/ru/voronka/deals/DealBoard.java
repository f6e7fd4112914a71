package ru.voronka.deals;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.platform.db.CustomPlans;
import ru.voronka.deals.DealViews.DealSummary;
import ru.voronka.platform.RussianFormats;

/**
 * The funnel as a board (issue 15): a column per stage of «Продажа» with its count and sum and the
 * most recently touched deals as cards. The same rule as the desktop: a manager sees their own deals
 * and the new requests nobody has taken, the РОП all. Counts and sums come from {@link DealTally}, or for
 * a search from one grouped query; each column's cards from one short query (an index on stage and update time).
 */
@Service
@Transactional(readOnly = true)
public class DealBoard {

  /** Cards per column: the rest is one click away in the list, filtered by the stage. */
  public static final int CARDS = 30;

  public record Column(String stage, String title, long count, BigDecimal sum, String sumText, List<DealSummary> cards,
      boolean closed) {

    public long more() {
      return Math.max(0, count - cards.size());
    }
  }

  public record Board(List<Column> columns, long count, String sumText) {}

  private final EntityManager entities;
  private final CustomPlans customPlans;
  private final DealTally tally;

  DealBoard(EntityManager entities, CustomPlans customPlans, DealTally tally) {
    this.entities = entities;
    this.customPlans = customPlans;
    this.tally = tally;
  }

  /** {@code responsible} narrows the РОП's board to one manager (ignored for a manager); {@code q} as the desktop's search. */
  public Board board(Viewer viewer, String responsible, String q) {
    // Only the filters in use are written into the query (no «:x is null or …»), so that PostgreSQL's
    // plans use the indexes: a manager's deals by responsible, a column by stage and update time.
    String narrowedTo = viewer.seesAllDeals() && responsible != null && !responsible.isBlank() ? responsible.strip() : null;
    Map<String, Object> parameters = new java.util.HashMap<>();
    StringBuilder where = new StringBuilder(" where d.funnel = :funnel");
    parameters.put("funnel", Funnel.SALES);
    if (!viewer.seesAllDeals()) {
      where.append(" and (d.responsibleId is null or d.responsibleId = (select e.id from Employee e where e.userId = :me))");
      parameters.put("me", viewer.userId());
    } else if (narrowedTo != null) {
      where.append(" and d.responsibleId = (select e.id from Employee e where e.userId = :responsible)");
      parameters.put("responsible", narrowedTo);
    }
    Map<DealStage, DealTally.Total> byStage;
    if (q != null && !q.isBlank()) {
      where.append(" and ").append(SearchTerms.MATCH);
      SearchTerms.of(q).bind(parameters::put);
      customPlans.forThisTransaction();
      byStage = searched(where.toString(), parameters);
    } else if (!viewer.seesAllDeals()) {
      byStage = tally.byStage(Funnel.SALES, viewer.userId(), true);
    } else {
      byStage = tally.byStage(Funnel.SALES, narrowedTo, false);
    }

    List<Column> columns = new ArrayList<>();
    long count = 0;
    BigDecimal sum = BigDecimal.ZERO;
    for (DealStage stage : java.util.Arrays.stream(DealStage.values()).filter(s -> s.funnel() == Funnel.SALES).toList()) {
      DealTally.Total total = byStage.getOrDefault(stage, DealTally.Total.NONE);
      long inStage = total.deals();
      BigDecimal stageSum = total.amount();
      List<DealSummary> cards = List.of();
      if (inStage > 0) {
        TypedQuery<Deal> query = entities.createQuery("select d from Deal d left join fetch d.responsible "
            + "left join fetch d.counterparty c" + where + " and d.stage = :stage order by d.updatedAt desc, d.id desc", Deal.class);
        parameters.forEach(query::setParameter);
        cards = query.setParameter("stage", stage).setMaxResults(CARDS).getResultList().stream().map(DealViews::summary).toList();
      }
      columns.add(new Column(stage.name(), stage.title(), inStage, stageSum, RussianFormats.roubles(stageSum), cards, stage.isFinal()));
      if (!stage.isFinal()) {
        count += inStage;
        sum = sum.add(stageSum);
      }
    }
    return new Board(columns, count, RussianFormats.roubles(sum));
  }

  /** A search's totals, counted over the deals it finds. */
  private Map<DealStage, DealTally.Total> searched(String where, Map<String, Object> parameters) {
    TypedQuery<Object[]> totals = entities.createQuery("select d.stage, count(d), sum(d.amount) from Deal d "
        + "left join d.counterparty c" + where + " group by d.stage", Object[].class);
    parameters.forEach(totals::setParameter);
    Map<DealStage, DealTally.Total> byStage = new EnumMap<>(DealStage.class);
    totals.getResultList().forEach(row -> byStage.put((DealStage) row[0],
        new DealTally.Total((Long) row[1], row[2] == null ? BigDecimal.ZERO : (BigDecimal) row[2])));
    return byStage;
  }

}
