package ru.voronka.deals;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LogisticsMirrorRepository extends JpaRepository<LogisticsMirror, Long> {

  List<LogisticsMirror> findByExecutedFalseOrderByIdAsc();

  List<LogisticsMirror> findByDealIdOrderByIdAsc(Long dealId);
}
