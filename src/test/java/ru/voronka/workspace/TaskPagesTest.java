package ru.voronka.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.DealService;
import ru.voronka.deals.NewDeal;
import ru.voronka.deals.Viewer;
import ru.voronka.support.WorkspaceTest;

/** «Мои задачи» and the task card: a task taken and completed in the workspace with its Camunda Form (issue 15). */
class TaskPagesTest extends WorkspaceTest {

  static final RequestPostProcessor PETROV = user("petrov").roles("MANAGERS");
  static final RequestPostProcessor SIDOROVA = user("sidorova").roles("MANAGERS");
  static final RequestPostProcessor ROP = user("smirnova").roles("ROP");

  @Autowired MockMvc mvc;
  @Autowired DealService dealService;
  @Autowired DealRepository deals;
  @Autowired TaskService tasks;
  @Autowired ru.voronka.deals.TaskDesk taskDesk;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  Deal newRequest(String title) {
    return dealService.create(new NewDeal(title, null, new NewDeal.NewClient("ООО «Тест " + title + "»", null, null, "Иванов Иван",
        null, null), new BigDecimal("340000"), new BigDecimal("85000"), null, null, null), Viewer.of("smirnova", List.of("rop")));
  }

  /** Job execution is off in the fast tier: the funnel's asynchronous steps run here, as the executor would. */
  Task openTask(Deal deal) {
    for (int i = 0; i < 10; i++) {
      var job = management.createJobQuery().processInstanceId(deals.findById(deal.getId()).orElseThrow().getProcessInstanceId()).executable().messages()
          .list().stream().findFirst();
      if (job.isEmpty()) {
        break;
      }
      management.executeJob(job.get().getId());
    }
    return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(deal.getId())).active().singleResult();
  }

  @Test
  void aNewRequestIsOfferedToTheManagers_takenWithВзять_andCompletedWithItsForm() throws Exception {
    Deal deal = newRequest("Клапаны Ду80 для котельной");
    Task take = openTask(deal);
    mvc.perform(get("/tasks").with(PETROV))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Взять заявку в работу")));
    mvc.perform(get("/deals/" + deal.getId()).param("tab", "tasks").with(PETROV))
        .andExpect(content().string(containsString("action=\"/tasks/" + take.getId() + "/claim\"")));
    String before = mvc.perform(get("/tasks/count").with(PETROV)).andReturn().getResponse().getContentAsString();
    assertThat(Integer.parseInt(before)).isPositive();

    mvc.perform(post("/tasks/" + take.getId() + "/claim").param("back", "/deals/" + deal.getId() + "?tab=tasks").with(PETROV).with(csrf()))
        .andExpect(redirectedUrl("/deals/" + deal.getId() + "?tab=tasks"));
    assertThat(tasks.createTaskQuery().taskId(take.getId()).singleResult().getAssignee()).isEqualTo("petrov");
    for (Viewer viewer : List.of(Viewer.of("petrov", List.of(ru.voronka.directory.Group.MANAGERS.id())), Viewer.of("sidorova", List.of(ru.voronka.directory.Group.MANAGERS.id())))) {
      // counted as two disjoint counts (mine; offered and untaken), it is the number the «or» lists
      assertThat(taskDesk.countOpen(viewer)).as(viewer.userId()).isEqualTo(taskDesk.open(viewer,
          org.springframework.data.domain.PageRequest.of(0, 1000)).getContent().size());
    }
    mvc.perform(post("/tasks/" + take.getId() + "/claim").with(SIDOROVA).with(csrf())).andExpect(status().isConflict());

    mvc.perform(get("/tasks/" + take.getId()).with(PETROV))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"task-form-schema\"")))
        .andExpect(content().string(containsString("\"key\": \"takeDecision\"")))
        .andExpect(content().string(containsString("/vendor/form-js/1.23.0/form-viewer.umd.js")))
        .andExpect(content().string(containsString("/js/task-form.js")));
    mvc.perform(get("/tasks/" + take.getId()).with(SIDOROVA)).andExpect(status().isNotFound());

    complete(take, "{}", PETROV).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value("Выберите: принять заявку или отказаться"));
    complete(take, "{\"takeDecision\":\"REFUSE\"}", PETROV).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value("Укажите причину отказа"));
    complete(take, "{\"takeDecision\":\"ACCEPT\"}", PETROV).andExpect(status().isOk())
        .andExpect(jsonPath("$.redirect").value("/deals/" + deal.getId() + "?tab=tasks"));

    Task check = openTask(deal);
    assertThat(check.getName()).isEqualTo("Проверить товарные позиции");
    assertThat(check.getAssignee()).isEqualTo("petrov");
    mvc.perform(get("/deals/" + deal.getId()).param("tab", "tasks").with(PETROV))
        .andExpect(content().string(containsString("Проверить товарные позиции")))
        .andExpect(content().string(containsString("href=\"/tasks/" + check.getId() + "\"")));
    complete(check, "{\"priority\":\"A\",\"clientName\":\"ООО «Тест»\",\"deliveryDate\":\"2027-01-20\"}", PETROV)
        .andExpect(status().isOk());
    assertThat(deals.findById(deal.getId()).orElseThrow().getDeliveryDate()).isEqualTo(LocalDate.of(2027, 1, 20));
  }

  @Test
  void theРопSeesHerApprovalsWithACount_andTheApprovalShowsWhatSheDecides() throws Exception {
    Task approval = tasks.createTaskQuery().taskDefinitionKey("Task_ApproveDocuments").active().list().get(0);
    mvc.perform(get("/tasks").with(ROP))
        .andExpect(content().string(containsString("Согласовать счет и договор")));
    mvc.perform(get("/tasks/" + approval.getId()).with(ROP))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("approvalFacts")))
        .andExpect(content().string(containsString("Маржа")))
        .andExpect(content().string(containsString("Открыть сделку №")));
    mvc.perform(get("/tasks").with(PETROV))
        .andExpect(content().string(not(containsString("Согласовать счет и договор"))));
    mvc.perform(get("/tasks/" + approval.getId()).with(PETROV)).andExpect(status().isNotFound());
  }

  @Test
  void theDealCardShowsOnlyTheButtonOfItsStage_eachAsksForConfirmation_aJumpIsRefusedToAManagerWithTheReason() throws Exception {
    Deal deal = newRequest("Задвижки для насосной");
    Task take = openTask(deal);
    mvc.perform(get("/deals/" + deal.getId()).with(PETROV))
        .andExpect(content().string(containsString("value=\"TAKE_INTO_WORK\"")))
        .andExpect(content().string(containsString("hx-confirm=\"Нажать «Взять в работу»?")))
        .andExpect(content().string(not(containsString("value=\"PAID\""))))
        .andExpect(content().string(not(containsString("value=\"WON\""))));
    complete(take, "{\"takeDecision\":\"ACCEPT\"}", PETROV).andExpect(status().isOk());
    openTask(deal);
    mvc.perform(get("/deals/" + deal.getId()).with(PETROV))
        .andExpect(content().string(containsString("value=\"KP_SENT\"")))
        .andExpect(content().string(not(containsString("value=\"TAKE_INTO_WORK\""))))
        .andExpect(content().string(not(containsString("<option value=\"LAUNCH\""))));
    mvc.perform(post("/deals/" + deal.getId() + "/actions").param("action", "PAID").with(PETROV).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("Кнопка «Оплачено» — для стадии «Счет», а сделка на стадии «Взят в работу»")));
    mvc.perform(post("/deals/" + deal.getId() + "/stage").param("stage", "LAUNCH").with(PETROV).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isForbidden())
        .andExpect(content().string(containsString("минует согласование РОП и оплату: так перевести сделку может только РОП")));
    mvc.perform(get("/deals/" + deal.getId()).with(ROP))
        .andExpect(content().string(containsString("Запуск реализации сделки (минуя согласование РОП и оплату)")));
  }

  @Test
  void myTasksAndTheOfferedOnesAreListedTogether_theNearestDueFirst_pageAfterPage() throws Exception {
    // 60 tasks of «Капустин»: every third his own, the rest offered to him; due dates in no order, some none.
    jdbc.update("""
        insert into ACT_RU_TASK (ID_, REV_, NAME_, ASSIGNEE_, PRIORITY_, CREATE_TIME_, DUE_DATE_, SUSPENSION_STATE_)
        select 'urgent-' || X, 1, 'Задача ' || X, case when mod(X, 3) = 0 then 'kapustin' end, 50,
               dateadd('MINUTE', X, timestamp '2026-12-01 09:00:00'),
               case when mod(X, 7) = 0 then null else dateadd('HOUR', mod(X * 37, 50), timestamp '2026-12-10 09:00:00') end, 1
        from system_range(1, 60)""");
    jdbc.update("""
        insert into ACT_RU_IDENTITYLINK (ID_, REV_, USER_ID_, TYPE_, TASK_ID_)
        select 'urgent-link-' || X, 1, 'kapustin', 'candidate', 'urgent-' || X from system_range(1, 60) where mod(X, 3) <> 0""");
    try {
      var viewer = Viewer.of("kapustin", List.of());
      List<String> expected = tasks.createTaskQuery().or().taskAssignee("kapustin").taskCandidateUser("kapustin").endOr().list()
          .stream().filter(t -> t.getId().startsWith("urgent-"))
          .sorted(java.util.Comparator.comparing(Task::getDueDate, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
              .thenComparing(Task::getCreateTime, java.util.Comparator.reverseOrder()))
          .map(Task::getId).toList();
      assertThat(expected).hasSize(60);
      List<String> listed = new java.util.ArrayList<>();
      for (int page = 0; page < 4; page++) {
        taskDesk.open(viewer, org.springframework.data.domain.PageRequest.of(page, 15)).getContent()
            .forEach(row -> listed.add(row.id()));
      }
      assertThat(listed).isEqualTo(expected);
      assertThat(taskDesk.countOpen(viewer)).isEqualTo(60);
      assertThat(taskDesk.open(viewer, org.springframework.data.domain.PageRequest.of(0, 60)).getContent())
          .as("tasks of no deal say so (no «№0»)").allMatch(row -> row.dealId() == null && row.deal() == null);
      // a task of no process (made by hand in Tasklist) opens, without a form, pointing to Tasklist
      mvc.perform(get("/tasks/urgent-1").with(user("kapustin").roles("MANAGERS"))).andExpect(status().isOk())
          .andExpect(content().string(containsString("У этой задачи нет формы")));
      // read in that order on an index of Camunda's tasks by due date, made at start
      assertThat(jdbc.queryForList("select lower(INDEX_NAME) from INFORMATION_SCHEMA.INDEXES where TABLE_NAME = 'ACT_RU_TASK'",
          String.class)).contains("voronka_task_due_idx");
    } finally {
      jdbc.update("delete from ACT_RU_IDENTITYLINK where ID_ like 'urgent-link-%'");
      jdbc.update("delete from ACT_RU_TASK where ID_ like 'urgent-%'");
    }
  }

  @Test
  void aTaskMadeByHandInTasklist_withoutAForm_isCompletedWithЗавершить() throws Exception {
    var kapustin = user("kapustin").roles("MANAGERS");
    Task handMade = tasks.newTask();
    handMade.setName("Позвонить в бухгалтерию клиента");
    tasks.saveTask(handMade);
    tasks.addCandidateUser(handMade.getId(), "kapustin");
    try {
      mvc.perform(get("/tasks/" + handMade.getId()).with(kapustin)).andExpect(status().isOk())
          .andExpect(content().string(containsString("У этой задачи нет формы")))
          .andExpect(content().string(containsString("action=\"/tasks/" + handMade.getId() + "/complete\"")));
      mvc.perform(post("/tasks/" + handMade.getId() + "/complete").contentType(MediaType.APPLICATION_FORM_URLENCODED)
              .with(kapustin).with(csrf()))
          .andExpect(redirectedUrl("/tasks?done=" + java.net.URLEncoder.encode("Позвонить в бухгалтерию клиента",
              java.nio.charset.StandardCharsets.UTF_8)));
      assertThat(tasks.createTaskQuery().taskId(handMade.getId()).count()).isZero();
      // a task with a form is not completed past it
      Task withForm = openTask(newRequest("Краны шаровые для формы"));
      mvc.perform(post("/tasks/" + withForm.getId() + "/complete").contentType(MediaType.APPLICATION_FORM_URLENCODED)
              .with(PETROV).with(csrf()))
          .andExpect(status().isBadRequest());
    } finally {
      if (tasks.createTaskQuery().taskId(handMade.getId()).count() > 0) {
        tasks.deleteTask(handMade.getId(), true);
      }
    }
  }

  @Test
  void pastAThousandOpenTasksThePageSaysMoreThanAThousand_andTheBadge999plus() throws Exception {
    var kapustin = user("kapustin").roles("MANAGERS");
    var viewer = Viewer.of("kapustin", List.of(ru.voronka.directory.Group.MANAGERS.id()));
    long ofTheGroup = taskDesk.countOpen(viewer);
    jdbc.update("""
        insert into ACT_RU_TASK (ID_, REV_, NAME_, PRIORITY_, CREATE_TIME_, SUSPENSION_STATE_)
        select 'cap-' || X, 1, 'Позвонить клиенту ' || X, 50, current_timestamp, 1 from system_range(1, 1001)""");
    jdbc.update("""
        insert into ACT_RU_IDENTITYLINK (ID_, REV_, USER_ID_, TYPE_, TASK_ID_)
        select 'cap-link-' || X, 1, 'kapustin', 'candidate', 'cap-' || X from system_range(1, 1001)""");
    try {
      assertThat(taskDesk.countOpen(viewer)).isEqualTo(ru.voronka.deals.TaskDesk.COUNT_CAP + 1);
      mvc.perform(get("/tasks").with(kapustin)).andExpect(status().isOk())
          .andExpect(content().string(containsString("более 1")))
          .andExpect(content().string(containsString("Позвонить клиенту")));
      mvc.perform(get("/tasks/count").with(kapustin)).andExpect(content().string("999+"));
      // the last page still says «более 1 000» (Spring's page counts what it holds there: 1 025)
      String last = mvc.perform(get("/tasks").param("page", "40").with(kapustin)).andReturn().getResponse().getContentAsString();
      var said = java.util.regex.Pattern.compile("найдено более ([\\d\\s,.\u00a0\u202f]+)").matcher(last);
      assertThat(said.find()).as(last).isTrue();
      assertThat(said.group(1).replaceAll("\\D", "")).isEqualTo("1000");

      jdbc.update("delete from ACT_RU_IDENTITYLINK where TASK_ID_ in (select 'cap-' || X from system_range(1, 201))");
      assertThat(taskDesk.countOpen(viewer)).as("800 offered by name and the group's").isEqualTo(800 + ofTheGroup);
    } finally {
      jdbc.update("delete from ACT_RU_IDENTITYLINK where ID_ like 'cap-link-%'");
      jdbc.update("delete from ACT_RU_TASK where ID_ like 'cap-%'");
    }
  }

  org.springframework.test.web.servlet.ResultActions complete(Task task, String json, RequestPostProcessor who) throws Exception {
    return mvc.perform(post("/tasks/" + task.getId() + "/complete").contentType(MediaType.APPLICATION_JSON).content(json)
        .with(who).with(csrf()));
  }
}
