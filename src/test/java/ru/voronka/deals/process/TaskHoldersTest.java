package ru.voronka.deals.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.voronka.support.WorkspaceTest;

/** The pop-ups' one-read view of a deal's task holders says what the engine's API says, task by task. */
class TaskHoldersTest extends WorkspaceTest {

  @Autowired DealProcesses processes;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  @Test
  void everyDemoDealsHoldersMatchTheEngine() {
    List<Long> deals = jdbc.queryForList("select id from deal order by id", Long.class);
    int candidates = 0;
    for (Long deal : deals) {
      var open = processes.openTasks(deal);
      var holders = processes.taskHolders(deal);
      assertThat(holders.stream().map(DealProcesses.TaskHolders::taskId)).containsExactlyElementsOf(
          open.stream().map(org.camunda.bpm.engine.task.Task::getId).toList());
      for (int i = 0; i < open.size(); i++) {
        var task = open.get(i);
        Set<String> users = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
          if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
            if (link.getUserId() != null) {
              users.add(link.getUserId());
            }
            if (link.getGroupId() != null) {
              groups.add(link.getGroupId());
            }
          }
        }
        assertThat(holders.get(i).assignee()).isEqualTo(task.getAssignee());
        assertThat(holders.get(i).candidateUsers()).containsExactlyInAnyOrderElementsOf(users);
        assertThat(holders.get(i).candidateGroups()).containsExactlyInAnyOrderElementsOf(groups);
        candidates += users.size() + groups.size();
      }
    }
    assertThat(candidates).as("the demo has unclaimed tasks with candidates").isPositive();
  }
}
