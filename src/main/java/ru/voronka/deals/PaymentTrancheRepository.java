package ru.voronka.deals;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PaymentTrancheRepository extends JpaRepository<PaymentTranche, Long> {

  List<PaymentTranche> findByDealIdAndCancelledFalseOrderBySeq(Long dealId);

  List<PaymentTranche> findByDealIdOrderByIdAsc(Long dealId);
}
