package ru.voronka.deals.api;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Group;

/** The API caller as a {@link Viewer}: their login and the roles Spring Security read from Camunda groups. */
public final class Viewers {

  private Viewers() {}

  public static Viewer of(Authentication authentication) {
    Set<Group> groups = EnumSet.noneOf(Group.class);
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      for (Group group : Group.values()) {
        if (group.authority().equals(authority.getAuthority())) {
          groups.add(group);
        }
      }
    }
    return new Viewer(authentication.getName(), groups);
  }
}
