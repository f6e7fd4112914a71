package ru.voronka.deals;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Queries are JPQL strings: Hibernate 6 caches their plans, while derived (criteria) queries are re-translated on every call. */
public interface KpLineRepository extends JpaRepository<KpLine, Long> {

  @Query("select l from KpLine l where l.dealId = ?1 order by l.lineNo")
  List<KpLine> findByDealIdOrderByLineNo(Long dealId);

  void deleteByDealIdAndSource(Long dealId, String source);
}
