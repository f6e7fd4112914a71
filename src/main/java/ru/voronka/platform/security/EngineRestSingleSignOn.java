package ru.voronka.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The engine's REST API takes the caller Spring Security authenticated (HTTP Basic, the same
 * throttled check as every other login), with their Camunda groups, so Camunda's authorizations
 * apply. Instantiated by Camunda's {@code ProcessEngineAuthenticationFilter} (public, no arguments).
 */
public class EngineRestSingleSignOn implements AuthenticationProvider {

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

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    // Spring Security's entry point has answered 401 with its challenge already.
  }
}
