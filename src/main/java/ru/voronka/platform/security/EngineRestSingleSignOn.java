package ru.voronka.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

/**
 * The engine's REST API takes the caller Spring Security authenticated (HTTP Basic, the same
 * throttled check as every other login), with their Camunda groups, so Camunda's authorizations
 * apply. Instantiated by Camunda's {@code ProcessEngineAuthenticationFilter} (public, no arguments).
 */
public class EngineRestSingleSignOn implements AuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    return SignedInUser.id().map(userId -> {
      AuthenticationResult result = AuthenticationResult.successful(userId);
      result.setGroups(SignedInUser.groups(engine, userId));
      return result;
    }).orElseGet(AuthenticationResult::unsuccessful);
  }


  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    // Spring Security's entry point has answered 401 with its challenge already.
  }
}
