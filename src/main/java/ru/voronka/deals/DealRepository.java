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
   * (issue 15's bench: not a scan of every deal). The search's conditions are uncorrelated {@code in (…)}:
   * PostgreSQL finds each list once on its trigram index and checks every deal against it, where a
   * correlated {@code exists} or a {@code like} on the joined row would be evaluated for every deal.
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
        and (:q is null or str(d.id) = :q
             or d.id in (select t.id from Deal t where lower(t.title) like lower(concat('%', :q, '%')))
             or c.id in (select n.id from Counterparty n where lower(n.name) like lower(concat('%', :q, '%'))
                 or n.inn like concat(:q, '%'))
             or c.id in (select k.counterparty.id from Contact k where lower(k.fullName) like lower(concat('%', :q, '%')))
             or (:digits <> '' and c.id in (select k.counterparty.id from Contact k join k.phones p
                 where p.number like concat('%', :digits, '%'))))
      """)
  Page<Deal> search(@Param("funnel") Funnel funnel, @Param("stage") DealStage stage, @Param("status") DealStatus status,
      @Param("responsible") String responsibleUserId, @Param("visibleTo") String visibleTo, @Param("q") String q, @Param("digits") String digits,
      Pageable pageable);

  long countByStageIn(Collection<DealStage> stages);

  @Query("select d from Deal d left join fetch d.responsible where d.counterparty.id = ?1 order by d.id desc")
  List<Deal> findByCounterparty(Long counterpartyId);
}
