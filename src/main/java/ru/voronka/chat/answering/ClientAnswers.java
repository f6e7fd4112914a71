package ru.voronka.chat.answering;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.voronka.chat.ClientAnswered;
import ru.voronka.chat.ClientMessageReceived;
import ru.voronka.deals.DealClosed;
import ru.voronka.deals.DealWork;
import ru.voronka.directory.Group;
import ru.voronka.platform.RussianFormats;

/**
 * Feeds clients' messages to «Ответить клиенту» (COM-5) and answers the model's questions: who is a
 * candidate, when the answer is due, when the day ends. The process runs under the deal's business
 * key, so it is found with the deal's other processes and follows a change of responsible.
 */
@Component("clientAnswers")
public class ClientAnswers {

  public static final String PROCESS = "answerClient";
  public static final String MESSAGE = "ClientMessageReceived";
  static final String DEAL_CLOSED = "DealClosed";

  /** How much later the due time must move to be worth moving. */
  static final Duration SLACK = Duration.ofMinutes(5);

  private final RuntimeService runtime;
  static final String ANSWER_TASK = "Task_AnswerClient";
  static final String OVERDUE_TIMER = "Boundary_AnswerOverdue";
  static final String ANSWERED = "answered";
  static final String ANSWERED_BY = "answeredBy";

  private final DealWork processes;
  private final TaskService tasks;
  private final Duration answerWithin;

  ClientAnswers(RuntimeService runtime, DealWork processes, TaskService tasks,
      @Value("${voronka.chat.answer-within:PT1H}") Duration answerWithin) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.processes = processes;
    this.answerWithin = answerWithin;
  }

  /**
   * In the transaction that stored the message: to the deal's waiting process (a new task, or the
   * open task's due time moved), or — the first message of the day — a new process.
   */
  @EventListener
  public void clientMessageReceived(ClientMessageReceived event) {
    if (event.dealId() == null) {
      return;
    }
    if (dueAlreadyCovers(event)) {
      return; // a burst of messages: the open task is due late enough already
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("dealId", event.dealId());
    variables.put("chatId", event.chatId());
    variables.put("responsible", event.responsibleUserId());
    variables.put("receivedAt", Date.from(event.receivedAt()));
    // What the task's form shows.
    variables.put("title", event.dealTitle());
    variables.put("clientName", event.from());
    variables.put("lastMessage", event.text());
    runtime.createMessageCorrelation(MESSAGE)
        .processInstanceBusinessKey(DealWork.businessKey(event.dealId()))
        .setVariables(variables)
        .correlateWithResult();
  }

  /**
   * Moving the due time by less than {@link #SLACK} is not worth an engine command: a client who
   * sends five messages in a minute gets one answer task, due an hour after the first.
   */
  private boolean dueAlreadyCovers(ClientMessageReceived event) {
    Date wanted = dueAfter(Date.from(event.receivedAt()));
    // The deal's open tasks by the native query (asked with every client message; the generic task
    // query costs MyBatis a hundred optional clauses); «Ответить клиенту» is among them.
    return processes.openTasks(event.dealId()).stream().filter(t -> ANSWER_TASK.equals(t.getTaskDefinitionKey()))
        .anyMatch(t -> t.getDueDate() != null && !t.getDueDate().before(Date.from(wanted.toInstant().minus(SLACK))));
  }

  /**
   * The answer written in the chat is the task done (issue 15): the deal's open «Ответить клиенту»
   * completes in the message's transaction, as answered by its author — nobody ticks it again in a form.
   */
  @EventListener
  public void clientAnswered(ClientAnswered event) {
    processes.openTasks(event.dealId()).stream().filter(t -> ANSWER_TASK.equals(t.getTaskDefinitionKey())).forEach(t -> {
      if (t.getAssignee() == null) {
        tasks.setAssignee(t.getId(), event.userId());
      }
      tasks.complete(t.getId(), Map.of(ANSWERED, true, ANSWERED_BY, event.userId()));
    });
  }

  /** A won or lost deal needs no answer: its «Ответить клиенту» ends, with the open task (issue 15). */
  @ApplicationModuleListener
  public void dealClosed(DealClosed event) {
    runtime.createMessageCorrelation(DEAL_CLOSED).processInstanceBusinessKey(DealWork.businessKey(event.dealId()))
        .correlateAllWithResult();
  }

  /** With nobody responsible, every sales manager is a candidate (EL hands a null over as ""). */
  public List<String> candidateGroups(String responsible) {
    return responsible == null || responsible.isBlank() ? List.of(Group.MANAGERS.id()) : List.of();
  }

  public Date dueAfter(Date receivedAt) {
    return Date.from(receivedAt.toInstant().plus(answerWithin));
  }

  /** Midnight after the given moment, Moscow time. */
  public Date endOfDay(Date moment) {
    LocalDate day = moment.toInstant().atZone(RussianFormats.MOSCOW).toLocalDate();
    return Date.from(ZonedDateTime.of(day.plusDays(1).atStartOfDay(), RussianFormats.MOSCOW).toInstant());
  }
}
