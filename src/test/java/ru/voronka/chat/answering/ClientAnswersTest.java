package ru.voronka.chat.answering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.voronka.chat.Channel;
import ru.voronka.chat.ChatReceiving;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealRepository;
import ru.voronka.support.WorkspaceTest;

/** COM-5 in the application: a client's messages in the chat and the one «Ответить клиенту» task they make. */
class ClientAnswersTest extends WorkspaceTest {

  @Autowired ChatReceiving receiving;
  @Autowired DealRepository deals;
  @Autowired TaskService tasks;

  List<Task> answerTasks(Long dealId) {
    return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(dealId)).taskDefinitionKey("Task_AnswerClient").list();
  }

  @Test
  void aClientsMessagesMakeOneAnswerTaskForTheResponsibleWhoseDueTimeMoves() {
    Deal sensors = deals.findAll().stream().filter(d -> d.getTitle().equals("Датчики давления")).findFirst().orElseThrow();
    Long deal = sensors.getId();
    int before = answerTasks(deal).size();

    receiving.receiveFromClient(deal, "Никитина Ольга", Channel.WHATSAPP, "Добрый день! Где счёт?", List.of(), null);
    List<Task> first = answerTasks(deal);
    assertThat(first).hasSize(Math.max(before, 1));
    Task task = first.get(0);
    assertThat(task.getAssignee()).isEqualTo("kuznetsov");
    assertThat(task.getName()).isEqualTo("Ответить клиенту");

    receiving.receiveFromClient(deal, "Никитина Ольга", Channel.WHATSAPP, "Ау", List.of(), null);
    List<Task> after = answerTasks(deal);
    assertThat(after).hasSize(first.size());
    assertThat(after.get(0).getDueDate()).isAfterOrEqualTo(task.getDueDate());
  }
}
