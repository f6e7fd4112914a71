package ru.voronka.platform.security;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * One set of users for everything: Voronka's API checks logins against Camunda's identity service,
 * and a user's Camunda groups become {@code ROLE_<GROUP>} authorities.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identity;
  private final RecentLogins recent;

  CamundaIdentityAuthenticationProvider(IdentityService identity, Clock clock) {
    this.identity = identity;
    this.recent = new RecentLogins(clock);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
    if (userId == null || userId.isBlank()) {
      throw new BadCredentialsException("Неверный логин или пароль");
    }
    Optional<Authentication> known = recent.find(userId, password);
    if (known.isPresent()) {
      return known.get();
    }
    if (!identity.checkPassword(userId, password)) {
      throw new BadCredentialsException("Неверный логин или пароль");
    }
    List<SimpleGrantedAuthority> authorities = identity.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).map(CamundaIdentityAuthenticationProvider::authority).map(SimpleGrantedAuthority::new).toList();
    Authentication authenticated = UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    recent.remember(userId, password, authenticated);
    return authenticated;
  }

  static String authority(String groupId) {
    return "ROLE_" + groupId.toUpperCase().replace('-', '_');
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
