package ru.voronka.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;

/**
 * One login for everything: Camunda's webapps (Tasklist, Cockpit, Admin) take the user Spring
 * Security signed in at {@code /login}, with that user's Camunda groups, so Camunda's authorizations
 * apply as if they had logged into Tasklist itself. Instantiated by Camunda's
 * {@code ContainerBasedAuthenticationFilter} (hence public, with no constructor arguments).
 */
public class CamundaWebappsSingleSignOn extends ContainerBasedAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    return SignedInUser.id().map(userId -> {
      AuthenticationResult result = AuthenticationResult.successful(userId);
      result.setGroups(SignedInUser.groups(engine, userId));
      return result;
    }).orElseGet(AuthenticationResult::unsuccessful);
  }

}
