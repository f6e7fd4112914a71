package ru.voronka.telephony;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import ru.voronka.deals.DealWork;

/**
 * TEL-8: «Итог звонка» for every answered or missed call of a manager. Until its task is done the
 * call's card stays open in the manager's browser.
 */
@Component
public class CallFollowUps {

  static final String PROCESS = "callFollowUp";
  static final String TASK = "Task_CallFollowUp";

  private final RuntimeService runtime;
  private final TaskService tasks;

  CallFollowUps(RuntimeService runtime, TaskService tasks) {
    this.runtime = runtime;
    this.tasks = tasks;
  }

  void start(PhoneCall call) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("callId", call.getId());
    variables.put("employee", call.getEmployee().getUserId());
    variables.put("clientNumber", call.getClientNumber());
    variables.put("incoming", call.getDirection() == CallDirection.INCOMING);
    variables.put("missed", call.isMissed());
    variables.put("knownClient", call.getCounterparty() != null);
    if (call.getCounterparty() != null) {
      variables.put("counterpartyId", call.getCounterparty().getId());
      variables.put("clientName", call.getCounterparty().getName());
    }
    if (call.getDeal() != null) {
      variables.put("dealId", call.getDeal().getId());
    }
    String businessKey = call.getDeal() == null ? "call-" + call.getId() : DealWork.businessKey(call.getDeal().getId());
    runtime.startProcessInstanceByKey(PROCESS, businessKey, variables);
  }

  public record Open(String taskId, long callId) {}

  /** The user's calls still waiting for their follow-up, oldest first. */
  public List<Open> open(String userId) {
    return tasks.createTaskQuery().taskDefinitionKey(TASK).taskAssignee(userId).orderByTaskCreateTime().asc().list().stream()
        .map(t -> new Open(t.getId(), ((Number) tasks.getVariable(t.getId(), "callId")).longValue())).toList();
  }

  /** Completes the call's follow-up with the card's answers; the rules of the task refuse an incomplete one. */
  public void complete(long callId, String userId, Map<String, Object> answers) {
    Task task = tasks.createTaskQuery().taskDefinitionKey(TASK).taskAssignee(userId).processVariableValueEquals("callId", callId)
        .singleResult();
    if (task == null) {
      throw new ru.voronka.platform.web.DomainException(ru.voronka.platform.web.DomainException.Kind.NOT_FOUND,
          "У вас нет открытого итога по звонку №" + callId);
    }
    tasks.complete(task.getId(), answers);
  }
}
