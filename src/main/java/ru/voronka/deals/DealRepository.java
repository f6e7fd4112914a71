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
   * The deal list's query: every filter optional; {@code visibleTo} limits a manager to their own and
   * unassigned deals — by the responsible's id, so that PostgreSQL counts them on the responsible index
   * (issue 15's bench: not a scan of every deal).
   */
  @EntityGraph(attributePaths = {"counterparty", "responsible"})
  @Query("""
      select d from Deal d left join d.responsible r left join d.counterparty c
      where (:funnel is null or d.funnel = :funnel)
        and (:stage is null or d.stage = :stage)
        and (:status is null or d.status = :status)
        and (:responsible is null or r.userId = :responsible)
        and (:visibleTo is null or d.responsible is null
             or d.responsible.id = (select v.id from Employee v where v.userId = :visibleTo))
        and (:q is null or lower(d.title) like lower(concat('%', :q, '%'))
             or lower(c.name) like lower(concat('%', :q, '%')) or str(d.id) = :q or c.inn like concat(:q, '%')
             or exists (select 1 from Contact k where k.counterparty = c and lower(k.fullName) like lower(concat('%', :q, '%')))
             or (:digits <> '' and exists (select 1 from Contact k join k.phones p where k.counterparty = c
                 and p.number like concat('%', :digits, '%'))))
      """)
  Page<Deal> search(@Param("funnel") Funnel funnel, @Param("stage") DealStage stage, @Param("status") DealStatus status,
      @Param("responsible") String responsibleUserId, @Param("visibleTo") String visibleTo, @Param("q") String q, @Param("digits") String digits,
      Pageable pageable);

  long countByStageIn(Collection<DealStage> stages);

  @Query("select d from Deal d left join fetch d.responsible where d.counterparty.id = ?1 order by d.id desc")
  List<Deal> findByCounterparty(Long counterpartyId);
}
