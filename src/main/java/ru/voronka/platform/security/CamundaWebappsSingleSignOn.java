package ru.voronka.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One login for everything: Camunda's webapps (Tasklist, Cockpit, Admin) take the user Spring
 * Security signed in at {@code /login}, with that user's Camunda groups, so Camunda's authorizations
 * apply as if they had logged into Tasklist itself. Instantiated by Camunda's
 * {@code ContainerBasedAuthenticationFilter} (hence public, with no constructor arguments).
 */
public class CamundaWebappsSingleSignOn extends ContainerBasedAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      return AuthenticationResult.unsuccessful();
    }
    AuthenticationResult result = AuthenticationResult.successful(auth.getName());
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(auth.getName()).list().stream()
        .map(Group::getId).toList();
    result.setGroups(groups);
    return result;
  }
}
