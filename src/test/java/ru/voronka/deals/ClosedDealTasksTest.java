package ru.voronka.deals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.voronka.chat.ChatMessage;
import ru.voronka.chat.ChatPosting;
import ru.voronka.chat.Channel;
import ru.voronka.chat.ChatReceiving;
import ru.voronka.support.WorkspaceTest;

/** Issue 15: a closed deal ends its open tasks; an answer in the client chat closes «Ответить клиенту». */
class ClosedDealTasksTest extends WorkspaceTest {

  static final Viewer ROP = Viewer.of("smirnova", List.of("rop"));

  @Autowired DealService dealService;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired ChatReceiving receiving;
  @Autowired ChatPosting posting;

  List<Task> openTasks(Long dealId) {
    return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(dealId)).active().list();
  }

  /** The job executor is off in the fast tier: asynchronous steps run here. */
  void runJobs() {
    for (int i = 0; i < 20; i++) {
      var job = management.createJobQuery().executable().messages().list().stream().findFirst();
      if (job.isEmpty()) {
        return;
      }
      try {
        management.executeJob(job.get().getId());
      } catch (RuntimeException e) {
        management.setJobRetries(job.get().getId(), 0); // not this test's job: out of the way
      }
    }
  }

  Deal newDeal(String title) {
    Deal deal = dealService.create(new NewDeal(title, null, new NewDeal.NewClient("ООО «" + title + "»", null, null, "Орлова Анна",
        null, null), new BigDecimal("200000"), null, null, null, null), ROP);
    runJobs();
    return deal;
  }

  @Test
  void aLostDeal_endsItsOpenTasks_alsoThoseOfItsOrders() throws InterruptedException {
    Deal deal = newDeal("Заслонки для вентиляции");
    dealService.startSideProcess(deal.getId(), OrderKind.IMPORT, ROP);
    runJobs();
    assertThat(openTasks(deal.getId())).extracting(Task::getName).contains("Взять заявку в работу",
        "Разместить заказ у зарубежного поставщика");

    dealService.lose(deal.getId(), LostReason.NO_MONEY, null, ROP);
    runJobs();
    for (int i = 0; i < 100 && !openTasks(deal.getId()).isEmpty(); i++) {
      Thread.sleep(100); // the tasks end after the loss's commit
    }
    assertThat(openTasks(deal.getId())).isEmpty();
  }

  @Test
  void theAnswerInTheClientChat_closesAnswerTheClient() {
    Deal deal = newDeal("Фильтры сетчатые");
    ChatMessage question = receiving.receiveFromClient(deal.getId(), "Орлова Анна", Channel.WHATSAPP, "Есть ли в наличии?",
        List.of(), null);
    assertThat(openTasks(deal.getId())).extracting(Task::getName).contains("Ответить клиенту");

    posting.post(question.getChat().getId(), ROP, "Да, отгрузим со склада в пятницу.", List.of());

    assertThat(openTasks(deal.getId())).extracting(Task::getName).doesNotContain("Ответить клиенту");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(deal.getId())).list())
        .noneMatch(t -> "Task_AnswerClient".equals(t.getTaskDefinitionKey()));
  }
}
