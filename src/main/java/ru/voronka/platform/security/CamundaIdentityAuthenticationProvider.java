package ru.voronka.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * One set of users for everything: Voronka's API checks logins against Camunda's identity service,
 * and a user's Camunda groups become {@code ROLE_<GROUP>} authorities.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identity;
  private final RecentLogins recent;
  private final LoginThrottle throttle;

  CamundaIdentityAuthenticationProvider(IdentityService identity, Clock clock, LoginThrottle throttle) {
    this.identity = identity;
    this.recent = new RecentLogins(clock);
    this.throttle = throttle;
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
    String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    Optional<Duration> wait = throttle.waiting(userId, address);
    if (wait.isPresent()) {
      throw new LockedException("Слишком много неверных паролей подряд: повторите вход через "
          + Math.max(1, wait.get().toSeconds()) + " с");
    }
    if (!identity.checkPassword(userId, password)) {
      throttle.failed(userId, address);
      throw new BadCredentialsException("Неверный логин или пароль");
    }
    List<SimpleGrantedAuthority> authorities = identity.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).map(CamundaIdentityAuthenticationProvider::authority).map(SimpleGrantedAuthority::new).toList();
    Authentication authenticated = UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    recent.remember(userId, password, authenticated);
    throttle.succeeded(userId, address);
    return authenticated;
  }

  @org.springframework.context.event.EventListener
  void revoked(ru.voronka.platform.SignInRevoked event) {
    recent.forget(event.userId());
  }

  static String authority(String groupId) {
    return "ROLE_" + groupId.toUpperCase().replace('-', '_');
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
