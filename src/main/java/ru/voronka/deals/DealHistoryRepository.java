package ru.voronka.deals;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DealHistoryRepository extends JpaRepository<DealHistoryEntry, Long> {

  Page<DealHistoryEntry> findByDealIdOrderByAtDescIdDesc(Long dealId, Pageable pageable);

  List<DealHistoryEntry> findByDealIdOrderByIdAsc(Long dealId);
}
