package ru.voronka.workspace;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.voronka.deals.DealRepository;
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
    Set<String> audience = new LinkedHashSet<>(directory.memberIds(Group.HEAD_OF_SALES));
    audience.addAll(directory.memberIds(Group.ADMINS));
    deals.findById(event.dealId()).map(d -> d.getResponsibleUserId()).ifPresent(audience::add);
    live.publish(audience, "deal-stage", Map.of("dealId", event.dealId(), "stage", event.stage().name(),
        "stageTitle", event.stage().title()));
  }
}
