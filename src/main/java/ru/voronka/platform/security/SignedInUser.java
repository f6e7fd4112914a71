package ru.voronka.platform.security;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The user Spring Security signed in for this request, as Camunda's doors take them: login and Camunda groups. */
final class SignedInUser {

  private SignedInUser() {}

  static Optional<String> id() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
        ? Optional.empty() : Optional.of(auth.getName());
  }

  static List<String> groups(ProcessEngine engine, String userId) {
    return engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }
}
