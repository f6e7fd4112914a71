package ru.voronka.deals;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface KpLineRepository extends JpaRepository<KpLine, Long> {

  List<KpLine> findByDealIdOrderByLineNo(Long dealId);

  void deleteByDealIdAndSource(Long dealId, String source);
}
