package ru.voronka.deals;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Queries are JPQL strings: Hibernate 6 caches their plans, while derived (criteria) queries are re-translated on every call. */
public interface DealOrderRepository extends JpaRepository<DealOrder, Long> {

  @Query("select o from DealOrder o where o.dealId = ?1 order by o.id")
  List<DealOrder> findByDealIdOrderByIdAsc(Long dealId);

  @Query("select o from DealOrder o where o.processInstanceId = ?1")
  Optional<DealOrder> findByProcessInstanceId(String processInstanceId);
}
