package ru.voronka.deals.process;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Group;
import ru.voronka.platform.CurrentActor;

/**
 * Who runs the engine's command, with their roles — whichever door they came in by: Tasklist and
 * the engine's REST API (Camunda's authentication), Voronka's API and pages (Spring Security's), or
 * nobody, when the system runs it (a job, a timer, the demo data).
 */
@Component
class ActingViewer {

  private final IdentityService identity;

  ActingViewer(IdentityService identity) {
    this.identity = identity;
  }

  /** The user of Tasklist, Cockpit or the engine's REST API; empty for Voronka's API and pages, and for the system. */
  Optional<Viewer> engineUser() {
    var camunda = identity.getCurrentAuthentication();
    return camunda == null || camunda.getUserId() == null ? Optional.empty()
        : Optional.of(Viewer.of(camunda.getUserId(), camunda.getGroupIds() == null ? List.of() : camunda.getGroupIds()));
  }

  /** Empty when the system acts. */
  Optional<Viewer> user() {
    Optional<Viewer> engine = engineUser();
    if (engine.isPresent()) {
      return engine;
    }
    var spring = SecurityContextHolder.getContext().getAuthentication();
    if (spring != null && spring.isAuthenticated() && !(spring instanceof AnonymousAuthenticationToken)) {
      return Optional.of(Viewer.ofAuthorities(spring.getName(),
          spring.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList()));
    }
    return Optional.empty();
  }

  /** The user, or the system with the head of sales' rights (tests, demo data, jobs). */
  Viewer current() {
    return user().orElseGet(() -> Viewer.of(CurrentActor.SYSTEM, List.of(Group.HEAD_OF_SALES.id())));
  }
}
