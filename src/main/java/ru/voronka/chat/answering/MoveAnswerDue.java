package ru.voronka.chat.answering;

import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** «Перенести срок ответа»: the open answer task is now due from the latest message on. */
@Component("moveAnswerDue")
class MoveAnswerDue implements JavaDelegate {

  private final TaskService tasks;
  private final ManagementService management;
  private final ClientAnswers answers;

  MoveAnswerDue(TaskService tasks, ManagementService management, ClientAnswers answers) {
    this.tasks = tasks;
    this.management = management;
    this.answers = answers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date due = answers.dueAfter((Date) execution.getVariable("receivedAt"));
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey("Task_AnswerClient").list()) {
      task.setDueDate(due);
      tasks.saveTask(task);
    }
    // The escalation fires at the due time as it now stands (FUN-10), not at the first message's.
    management.createJobQuery().processInstanceId(execution.getProcessInstanceId()).activityId(ClientAnswers.OVERDUE_TIMER)
        .timers().list().forEach(job -> management.setJobDuedate(job.getId(), due));
  }
}
