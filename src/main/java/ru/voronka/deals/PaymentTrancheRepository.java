package ru.voronka.deals;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Queries are JPQL strings: Hibernate 6 caches their plans, while derived (criteria) queries are re-translated on every call. */
public interface PaymentTrancheRepository extends JpaRepository<PaymentTranche, Long> {

  @Query("select t from PaymentTranche t where t.dealId = ?1 and t.cancelled = false order by t.seq")
  List<PaymentTranche> findByDealIdAndCancelledFalseOrderBySeq(Long dealId);

  @Query("select t from PaymentTranche t where t.dealId = ?1 order by t.id")
  List<PaymentTranche> findByDealIdOrderByIdAsc(Long dealId);
}
