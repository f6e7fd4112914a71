package ru.voronka.automation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import ru.voronka.deals.DealStage;

interface StageActionRepository extends JpaRepository<StageAction, Long> {

  List<StageAction> findByStageOrderByIdAsc(DealStage stage);

  List<StageAction> findAllByOrderByStageAscIdAsc();
}
