package ru.voronka.deals;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import ru.voronka.directory.Group;

/** The user asking, with their roles: what they may see and change of deals. */
public record Viewer(String userId, Set<Group> groups) {

  public static Viewer of(String userId, Collection<String> groupIds) {
    Set<Group> groups = EnumSet.noneOf(Group.class);
    groupIds.forEach(id -> Group.byId(id).ifPresent(groups::add));
    return new Viewer(userId, groups);
  }

  /** From Spring Security's authorities ({@code ROLE_MANAGERS}…), which mirror the Camunda groups. */
  public static Viewer ofAuthorities(String userId, Collection<String> authorities) {
    Set<Group> groups = EnumSet.noneOf(Group.class);
    for (Group group : Group.values()) {
      if (authorities.contains(group.authority())) {
        groups.add(group);
      }
    }
    return new Viewer(userId, groups);
  }

  public boolean leadsSales() {
    return groups.contains(Group.HEAD_OF_SALES) || groups.contains(Group.ADMINS);
  }

  /** A sales manager sees their own deals and the new ones nobody has taken; other roles see all. */
  public boolean seesAllDeals() {
    return leadsSales() || !groups.contains(Group.MANAGERS);
  }

  public boolean mayView(Deal deal) {
    return seesAllDeals() || deal.getResponsible() == null || userId.equals(deal.getResponsibleUserId());
  }

  public boolean mayManage(Deal deal) {
    return leadsSales() || userId.equals(deal.getResponsibleUserId());
  }
}
