package ru.voronka.workspace;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.voronka.deals.DealClosed;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.DealStage;
import ru.voronka.deals.DealStageEntered;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Group;
import ru.voronka.platform.live.LiveEvents;

/**
 * An open deal card shows the deal's stage as it is: when the deal moves (a button, a task, a loss),
 * the pages of those who see it hear «deal-stage» and rewrite the header without a reload.
 */
@Component
class DealCardsLive {

  private final DealRepository deals;
  private final Directory directory;
  private final LiveEvents live;

  DealCardsLive(DealRepository deals, Directory directory, LiveEvents live) {
    this.deals = deals;
    this.directory = directory;
    this.live = live;
  }

  @ApplicationModuleListener
  void stageEntered(DealStageEntered event) {
    tell(event.dealId(), event.stage());
  }

  /** A loss enters «Сделка провалена» without a stage event (the funnel is cancelled): the header follows all the same. */
  @ApplicationModuleListener
  void closed(DealClosed event) {
    deals.findById(event.dealId()).ifPresent(d -> tell(d.getId(), d.getStage()));
  }

  private void tell(Long dealId, DealStage stage) {
    Set<String> audience = new LinkedHashSet<>(directory.memberIds(Group.HEAD_OF_SALES));
    audience.addAll(directory.memberIds(Group.ADMINS));
    deals.findById(dealId).map(d -> d.getResponsibleUserId()).ifPresent(audience::add);
    live.publish(audience, "deal-stage", Map.of("dealId", dealId, "stage", stage.name(), "stageTitle", stage.title()));
  }
}
