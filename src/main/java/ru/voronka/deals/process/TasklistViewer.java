package ru.voronka.deals.process;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Group;
import ru.voronka.platform.CurrentActor;

/** The Tasklist user who submitted a start form, with their Camunda groups. */
@Component
class TasklistViewer {

  private final IdentityService identity;
  private final CurrentActor actor;

  TasklistViewer(IdentityService identity, CurrentActor actor) {
    this.identity = identity;
    this.actor = actor;
  }

  Viewer current() {
    var auth = identity.getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      return Viewer.of(auth.getUserId(), auth.getGroupIds() == null ? List.of() : auth.getGroupIds());
    }
    String userId = actor.userId();
    // Started by the system (tests, demo data): act with the head of sales' rights.
    return Viewer.of(userId, CurrentActor.SYSTEM.equals(userId) ? List.of(Group.HEAD_OF_SALES.id()) : List.of());
  }
}
