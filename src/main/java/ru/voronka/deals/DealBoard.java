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
import ru.voronka.deals.DealViews.DealSummary;
import ru.voronka.platform.RussianFormats;

/**
 * The funnel as a board (issue 15): a column per stage of «Продажа» with its count and sum and the
 * most recently touched deals as cards. The same rule as the desktop: a manager sees their own deals
 * and the new requests nobody has taken, the РОП all. Counts and sums come from one grouped query;
 * each column's cards from one short query (an index on stage and update time serves both).
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

  DealBoard(EntityManager entities) {
    this.entities = entities;
  }

  /** {@code responsible} narrows the РОП's board to one manager (ignored for a manager); {@code q} as the desktop's search. */
  public Board board(Viewer viewer, String responsible, String q) {
    String visibleTo = viewer.seesAllDeals() ? null : viewer.userId();
    String who = viewer.seesAllDeals() && responsible != null && !responsible.isBlank() ? responsible : null;
    String search = q == null || q.isBlank() ? null : q.strip();
    String where = """
        where d.funnel = :funnel
          and (:responsible is null or r.userId = :responsible)
          and (:visibleTo is null or r is null or r.userId = :visibleTo)
          and (:q is null or lower(d.title) like lower(concat('%', :q, '%'))
               or lower(c.name) like lower(concat('%', :q, '%')) or str(d.id) = :q)""";
    TypedQuery<Object[]> totals = entities.createQuery("select d.stage, count(d), sum(d.amount) from Deal d "
        + "left join d.responsible r left join d.counterparty c " + where + " group by d.stage", Object[].class);
    bind(totals, who, visibleTo, search);
    Map<DealStage, Object[]> byStage = new EnumMap<>(DealStage.class);
    totals.getResultList().forEach(row -> byStage.put((DealStage) row[0], row));

    List<Column> columns = new ArrayList<>();
    long count = 0;
    BigDecimal sum = BigDecimal.ZERO;
    for (DealStage stage : java.util.Arrays.stream(DealStage.values()).filter(s -> s.funnel() == Funnel.SALES).toList()) {
      Object[] row = byStage.get(stage);
      long inStage = row == null ? 0 : (Long) row[1];
      BigDecimal stageSum = row == null || row[2] == null ? BigDecimal.ZERO : (BigDecimal) row[2];
      List<DealSummary> cards = List.of();
      if (inStage > 0) {
        TypedQuery<Deal> query = entities.createQuery("select d from Deal d left join fetch d.responsible r "
            + "left join fetch d.counterparty c " + where + " and d.stage = :stage order by d.updatedAt desc, d.id desc", Deal.class);
        bind(query, who, visibleTo, search);
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

  private static void bind(TypedQuery<?> query, String responsible, String visibleTo, String q) {
    query.setParameter("funnel", Funnel.SALES).setParameter("responsible", responsible).setParameter("visibleTo", visibleTo)
        .setParameter("q", q);
  }
}
