package ru.voronka.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.voronka.support.WorkspaceTest;

/** Analysts study the funnel in Cockpit; they neither deploy models nor read what clients wrote. */
class RoleSetupTest extends WorkspaceTest {

  @Autowired AuthorizationService authorizations;
  @Autowired RepositoryService repository;

  boolean analystMay(org.camunda.bpm.engine.authorization.Permission permission, org.camunda.bpm.engine.authorization.Resource resource,
      String id) {
    return authorizations.isUserAuthorized("fedorov", List.of(Group.ANALYSTS.id()), permission, resource, id);
  }

  @Test
  void anAnalystDeploysNothing_andReadsNoClientCorrespondence() {
    assertThat(analystMay(Permissions.CREATE, Resources.DEPLOYMENT, "*")).isFalse();
    assertThat(analystMay(Permissions.READ, Resources.PROCESS_DEFINITION, "answerClient")).isTrue(); // the model, yes
    assertThat(analystMay(ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, "answerClient")).isFalse();
    assertThat(analystMay(ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION, "answerClient")).isFalse();
    assertThat(analystMay(Permissions.READ, Resources.PROCESS_INSTANCE, "*")).isFalse();
    assertThat(analystMay(Permissions.READ, Resources.TASK, "*")).isFalse();
    assertThat(analystMay(ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION, "salesFunnel")).isTrue();
  }

  @Test
  void everyModelIsEitherStudiedByAnalysts_orKeptFromThem() {
    Set<String> deployed = new HashSet<>(repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(ProcessDefinition::getKey).toList());
    Set<String> classified = new HashSet<>(RoleSetup.ANALYSED);
    classified.addAll(RoleSetup.CLIENT_CORRESPONDENCE);
    assertThat(classified).isEqualTo(deployed);
  }
}
