package ru.voronka.workspace;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.Viewers;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
import ru.voronka.directory.Group;
import ru.voronka.notifications.PopupSettings;
import ru.voronka.telephony.CallFollowUps;

/** What every workspace page's frame needs: who is looking, and the Russian formats. */
@ControllerAdvice(basePackages = "ru.voronka.workspace")
class WorkspaceModel {

  private static final TemplateFormats FORMATS = new TemplateFormats();

  private final Directory directory;
  private final PopupSettings popups;
  private final CallFollowUps followUps;

  WorkspaceModel(Directory directory, PopupSettings popups, CallFollowUps followUps) {
    this.followUps = followUps;
    this.directory = directory;
    this.popups = popups;
  }

  @ModelAttribute("me")
  WorkspaceUser me(Authentication authentication) {
    if (authentication == null) {
      return null;
    }
    Viewer viewer = Viewers.of(authentication);
    String name = directory.employee(viewer.userId()).map(Employee::getFullName).orElse(viewer.userId());
    boolean admin = viewer.groups().contains(Group.ADMINS);
    return new WorkspaceUser(viewer.userId(), name, admin, viewer.groups().contains(Group.HEAD_OF_SALES),
        admin || viewer.groups().contains(Group.ANALYSTS), popups.minutes(viewer.userId()),
        followUps.open(viewer.userId()).stream().findFirst().map(CallFollowUps.Open::callId).orElse(null));
  }

  @ModelAttribute("fmt")
  TemplateFormats formats() {
    return FORMATS;
  }
}
