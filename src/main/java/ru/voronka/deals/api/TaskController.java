package ru.voronka.deals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.voronka.deals.DealLinks;
import ru.voronka.deals.Viewers;
import ru.voronka.deals.process.DealTasks;
import ru.voronka.platform.web.PageView;

@Tag(name = "Задачи", description = "Задачи сделок — те же, что в Camunda Tasklist, с теми же правилами заполнения")
@RestController
@RequestMapping("/api/tasks")
@Transactional
class TaskController {

  private final DealTasks tasks;
  private final DealLinks links;

  TaskController(DealTasks tasks, DealLinks links) {
    this.tasks = tasks;
    this.links = links;
  }

  record TaskItem(String id, String key, String name, String assignee, Date due, Date created,
      String processDefinitionId, String form, String tasklistUrl) {}

  @Operation(summary = "Мои задачи и задачи моих ролей (РОП видит все), новые сверху")
  @GetMapping
  PageView<TaskItem> mine(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
      Authentication auth) {
    return PageView.of(tasks.mine(Viewers.of(auth), PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200))),
        this::item);
  }

  record TaskDetails(TaskItem task, Map<String, Object> variables) {}

  @Operation(summary = "Задача и её переменные")
  @GetMapping("/{id}")
  TaskDetails get(@PathVariable String id, Authentication auth) {
    var viewer = Viewers.of(auth);
    return new TaskDetails(item(tasks.get(id, viewer)), tasks.variables(id, viewer));
  }

  @Operation(summary = "Взять задачу себе")
  @PostMapping("/{id}/claim")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void claim(@PathVariable String id, Authentication auth) {
    tasks.claim(id, Viewers.of(auth));
  }

  @Operation(summary = "Выполнить задачу с переменными формы; неполные данные — 400 с перечнем полей")
  @PostMapping("/{id}/complete")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> variables, Authentication auth) {
    tasks.complete(id, variables == null ? Map.of() : variables, Viewers.of(auth));
  }

  private TaskItem item(Task t) {
    return new TaskItem(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getAssignee(), t.getDueDate(), t.getCreateTime(),
        t.getProcessDefinitionId(), t.getCamundaFormRef() == null ? t.getFormKey() : t.getCamundaFormRef().getKey(),
        links.task(t.getId()));
  }
}
