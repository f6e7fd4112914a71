package ru.voronka.automation;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.voronka.chat.ClientMessageSettled;
import ru.voronka.deals.DealStageEntered;

/**
 * A deal entered a stage: the re-checking runs of the stage it left are cancelled, the actions of the
 * new one start (after the move's commit, redelivered by the event registry if this fails — the run
 * key keeps a redelivery from starting a run twice). A run's message settled: its outcome goes to the log.
 */
@Component
class StageEntries {

  private final StageActionRuns runs;

  StageEntries(StageActionRuns runs) {
    this.runs = runs;
  }

  @ApplicationModuleListener
  void entered(DealStageEntered event) {
    runs.left(event.dealId(), event.from(), event.stage());
    runs.start(event.dealId(), event.stage(), event.at());
  }

  @ApplicationModuleListener
  void settled(ClientMessageSettled event) {
    runs.settled(event);
  }
}
