package ru.voronka.deals;

import java.util.List;

import java.util.Collection;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DealRepository extends JpaRepository<Deal, Long> {

  /**
   * The deal list's filters, every one optional; {@code visibleTo} limits a manager to their own and
   * unassigned deals — by the responsible's id, so that PostgreSQL counts them on the responsible index
   * (issue 15's bench: not a scan of every deal).
   */
  String FILTERS = """
      from Deal d
      where (:funnel is null or d.funnel = :funnel)
        and (:stage is null or d.stage = :stage)
        and (:status is null or d.status = :status)
        and (:responsible is null or d.responsibleId = (select e.id from Employee e where e.userId = :responsible))
        and (:visibleTo is null or d.responsibleId is null
             or d.responsibleId = (select v.id from Employee v where v.userId = :visibleTo))
      """;

  @EntityGraph(attributePaths = {"counterparty", "responsible"})
  @Query("select d " + FILTERS)
  Page<Deal> list(@Param("funnel") Funnel funnel, @Param("stage") DealStage stage, @Param("status") DealStatus status,
      @Param("responsible") String responsibleUserId, @Param("visibleTo") String visibleTo, Pageable pageable);

  /** The same list narrowed to what the search finds ({@link SearchTerms}); a page, counted apart. */
  @EntityGraph(attributePaths = {"counterparty", "responsible"})
  @Query("select d " + FILTERS + " and " + SearchTerms.MATCH)
  List<Deal> search(@Param("funnel") Funnel funnel, @Param("stage") DealStage stage, @Param("status") DealStatus status,
      @Param("responsible") String responsibleUserId, @Param("visibleTo") String visibleTo, @Param("words") String words,
      @Param("number") long number, @Param("digits") String digits, Pageable pageable);

  @Query("select count(d) " + FILTERS + " and " + SearchTerms.MATCH)
  long countSearch(@Param("funnel") Funnel funnel, @Param("stage") DealStage stage, @Param("status") DealStatus status,
      @Param("responsible") String responsibleUserId, @Param("visibleTo") String visibleTo, @Param("words") String words,
      @Param("number") long number, @Param("digits") String digits);

  /** The ids of the first found deals in no order: a count that stops at the page's limit. */
  @Query("select d.id " + FILTERS + " and " + SearchTerms.MATCH)
  List<Long> searchIds(@Param("funnel") Funnel funnel, @Param("stage") DealStage stage, @Param("status") DealStatus status,
      @Param("responsible") String responsibleUserId, @Param("visibleTo") String visibleTo, @Param("words") String words,
      @Param("number") long number, @Param("digits") String digits, Pageable limit);

  long countByStageIn(Collection<DealStage> stages);

  @Query("select d from Deal d left join fetch d.responsible where d.counterparty.id = ?1 order by d.id desc")
  List<Deal> findByCounterparty(Long counterpartyId);
}
