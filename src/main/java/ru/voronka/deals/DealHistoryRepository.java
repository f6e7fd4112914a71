package ru.voronka.deals;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Queries are JPQL strings: Hibernate 6 caches their plans, while derived (criteria) queries are re-translated on every call. */
public interface DealHistoryRepository extends JpaRepository<DealHistoryEntry, Long> {

  Page<DealHistoryEntry> findByDealIdOrderByAtDescIdDesc(Long dealId, Pageable pageable);

  @Query("select h from DealHistoryEntry h where h.dealId = ?1 order by h.id")
  List<DealHistoryEntry> findByDealIdOrderByIdAsc(Long dealId);
}
