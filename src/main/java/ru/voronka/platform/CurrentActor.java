package ru.voronka.platform;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting right now, for the deal's log: the user of a Voronka API call, else the Tasklist
 * user whose request runs the engine, else the system (a job, a timer).
 */
@Component
public class CurrentActor {

  public static final String SYSTEM = "system";

  private final IdentityService identity;

  CurrentActor(IdentityService identity) {
    this.identity = identity;
  }

  public String userId() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
      return auth.getName();
    }
    var camunda = identity.getCurrentAuthentication();
    return camunda != null && camunda.getUserId() != null ? camunda.getUserId() : SYSTEM;
  }

  public boolean isSystem() {
    return SYSTEM.equals(userId());
  }
}
