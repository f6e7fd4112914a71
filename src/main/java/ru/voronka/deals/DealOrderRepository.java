package ru.voronka.deals;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DealOrderRepository extends JpaRepository<DealOrder, Long> {

  List<DealOrder> findByDealIdOrderByIdAsc(Long dealId);

  Optional<DealOrder> findByProcessInstanceId(String processInstanceId);
}
