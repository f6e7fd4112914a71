package ru.voronka.deals;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Queries are JPQL strings: Hibernate 6 caches their plans, while derived (criteria) queries are re-translated on every call. */
public interface LogisticsMirrorRepository extends JpaRepository<LogisticsMirror, Long> {

  @Query("select m from LogisticsMirror m where m.executed = false order by m.id")
  List<LogisticsMirror> findByExecutedFalseOrderByIdAsc();

  @Query("select m from LogisticsMirror m where m.dealId = ?1 order by m.id")
  List<LogisticsMirror> findByDealIdOrderByIdAsc(Long dealId);
}
