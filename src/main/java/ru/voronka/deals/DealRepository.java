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
      select d from Deal d left join d.responsible r
      where (:funnel is null or d.funnel = :funnel)
        and (:stage is null or d.stage = :stage)
        and (:status is null or d.status = :status)
        and (:responsible is null or r.userId = :responsible)
        and (:visibleTo is null or d.responsible is null
             or d.responsible.id = (select v.id from Employee v where v.userId = :visibleTo))
      """)
  Page<Deal> list(@Param("funnel") Funnel funnel, @Param("stage") DealStage stage, @Param("status") DealStatus status,
      @Param("responsible") String responsibleUserId, @Param("visibleTo") String visibleTo, Pageable pageable);

  /**
   * The same list narrowed to what the search finds: the deal's number ({@code number}, -1 when the words
   * are no number), its title, its client's name or ИНН, a contact's name, a phone in any spelling
   * ({@code digits}, empty when none). The matching deals are one set, a union of small lists each found on
   * its own index (PostgreSQL's trigram indexes), joined to the deals once — not a test of every deal
   * against every condition (issue 15's bench: 380 ms at 100 000 deals).
   */
  @EntityGraph(attributePaths = {"counterparty", "responsible"})
  @Query("""
      select d from Deal d left join d.responsible r
      where (:funnel is null or d.funnel = :funnel)
        and (:stage is null or d.stage = :stage)
        and (:status is null or d.status = :status)
        and (:responsible is null or r.userId = :responsible)
        and (:visibleTo is null or d.responsible is null
             or d.responsible.id = (select v.id from Employee v where v.userId = :visibleTo))
        and d.id in (
             select t.id from Deal t where t.id = :number or lower(t.title) like lower(concat('%', :q, '%'))
             union
             select t.id from Deal t join t.counterparty n
             where lower(n.name) like lower(concat('%', :q, '%')) or n.inn like concat(:q, '%')
             union
             select t.id from Deal t, Contact k where k.counterparty = t.counterparty
               and lower(k.fullName) like lower(concat('%', :q, '%'))
             union
             select t.id from Deal t, Contact k join k.phones p where k.counterparty = t.counterparty
               and :digits <> '' and p.number like concat('%', :digits, '%'))
      """)
  Page<Deal> search(@Param("funnel") Funnel funnel, @Param("stage") DealStage stage, @Param("status") DealStatus status,
      @Param("responsible") String responsibleUserId, @Param("visibleTo") String visibleTo, @Param("q") String q,
      @Param("number") long number, @Param("digits") String digits, Pageable pageable);

  long countByStageIn(Collection<DealStage> stages);

  @Query("select d from Deal d left join fetch d.responsible where d.counterparty.id = ?1 order by d.id desc")
  List<Deal> findByCounterparty(Long counterpartyId);
}
