package ru.voronka.deals;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The API caller as a {@link Viewer}: their login and the roles Spring Security read from Camunda groups. */
public final class Viewers {

  private Viewers() {}

  public static Viewer of(Authentication authentication) {
    return Viewer.ofAuthorities(authentication.getName(),
        authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
  }
}
