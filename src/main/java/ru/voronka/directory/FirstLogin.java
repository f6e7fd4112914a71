package ru.voronka.directory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** A user made in Camunda Admin gets their employee card when they first sign in ({@link Staff#ensureCard}). */
@Component
class FirstLogin {

  private final Staff staff;
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  FirstLogin(Staff staff) {
    this.staff = staff;
  }

  @EventListener
  void signedIn(AuthenticationSuccessEvent event) {
    ensure(event.getAuthentication().getName());
  }

  @EventListener
  void signedIn(InteractiveAuthenticationSuccessEvent event) {
    ensure(event.getAuthentication().getName());
  }

  private void ensure(String userId) {
    // Basic-authenticated API calls sign in with every request: the card is looked for once per user and node.
    if (userId != null && !known.contains(userId)) {
      staff.ensureCard(userId);
      known.add(userId);
    }
  }
}
