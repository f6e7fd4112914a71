package ru.voronka.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealService;
import ru.voronka.deals.DealStage;
import ru.voronka.deals.NewDeal;
import ru.voronka.deals.Viewer;
import ru.voronka.documents.DealDocuments;
import ru.voronka.documents.DocumentType;
import ru.voronka.documents.DocumentVersionView;

/**
 * FUN-8 on the task's page: «Отправить Акты…» and «Отправить УПД…» show an upload field and the scans
 * already there, store the scan as a «Подписан» version through the documents' code, and refuse
 * «Завершить» with «Загрузите скан подписанного акта» until one is uploaded.
 */
class SignedScanTaskPageTest extends ru.voronka.support.WorkspaceTest {

  static final RequestPostProcessor ROP = user("smirnova").roles("ROP");
  static final RequestPostProcessor SIDOROVA = user("sidorova").roles("MANAGERS");
  static final Viewer ROP_VIEWER = Viewer.of("smirnova", List.of("rop"));
  static final byte[] SIGNED_PDF = "%PDF-1.4\n% акт, подписанный клиентом\n1 0 obj<<>>endobj\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

  @Autowired MockMvc mvc;
  @Autowired DealService dealService;
  @Autowired DealDocuments documents;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;

  @Test
  void theActTaskTakesTheScanOnItsPage_andCompletesOnlyOnceItIsThere() throws Exception {
    Deal deal = shipped("Манометры для скана акта");
    Task act = task(deal, "Task_SendActs");

    mvc.perform(get("/tasks/" + act.getId()).with(ROP))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Скан подписанного акта")))
        .andExpect(content().string(containsString("Скан ещё не загружен")))
        .andExpect(content().string(containsString("action=\"/tasks/" + act.getId() + "/scan\" enctype=\"multipart/form-data\"")))
        .andExpect(content().string(containsString("accept=\"application/pdf,image/jpeg,image/png")));

    // «Завершить» without a scan: refused with the reason, the task stays.
    mvc.perform(post("/tasks/" + act.getId() + "/complete").contentType(MediaType.APPLICATION_JSON)
            .content("{\"actSigned\": true, \"actNumber\": \"17\"}").with(ROP).with(csrf()))
        .andExpect(status().is4xxClientError())
        .andExpect(jsonPath("$.message", startsWith("Загрузите скан подписанного акта")));
    assertThat(tasks.createTaskQuery().taskId(act.getId()).singleResult()).isNotNull();

    // A text file named .pdf is not a scan: told by content, not by name.
    mvc.perform(multipart("/tasks/" + act.getId() + "/scan")
            .file(new MockMultipartFile("file", "акт.pdf", "application/pdf", "не скан".getBytes(StandardCharsets.UTF_8)))
            .with(ROP).with(csrf()))
        .andExpect(redirectedUrl("/tasks/" + act.getId()))
        .andExpect(flash().attribute("scanError", containsString("не PDF, не JPEG и не PNG")));
    mvc.perform(multipart("/tasks/" + act.getId() + "/scan").with(ROP).with(csrf()))
        .andExpect(flash().attribute("scanError", startsWith("Выберите файл со сканом подписанного акта")));
    // Who may not work the task may not upload to it.
    mvc.perform(multipart("/tasks/" + act.getId() + "/scan").file(new MockMultipartFile("file", "акт.pdf", "application/pdf", SIGNED_PDF))
            .with(SIDOROVA).with(csrf()))
        .andExpect(status().isNotFound());
    assertThat(documents.signed(deal.getId(), DocumentType.ACT)).isEmpty();

    mvc.perform(multipart("/tasks/" + act.getId() + "/scan")
            .file(new MockMultipartFile("file", "акт подписан.pdf", "application/octet-stream", SIGNED_PDF))
            .with(ROP).with(csrf()))
        .andExpect(redirectedUrl("/tasks/" + act.getId()))
        .andExpect(flash().attribute("scanDone", containsString("«Подписан»")));
    List<DocumentVersionView> scans = documents.signed(deal.getId(), DocumentType.ACT);
    assertThat(scans).singleElement().satisfies(v -> {
      assertThat(v.contentType()).isEqualTo("application/pdf");
      assertThat(v.createdBy()).isEqualTo("smirnova");
      assertThat(documents.file(v.id()).orElseThrow().content()).isEqualTo(SIGNED_PDF);
    });

    mvc.perform(get("/tasks/" + act.getId()).with(ROP))
        .andExpect(content().string(not(containsString("Скан ещё не загружен"))))
        .andExpect(content().string(containsString(scans.get(0).fileName())))
        .andExpect(content().string(containsString("/deals/" + deal.getId() + "/documents/" + scans.get(0).id())));

    mvc.perform(post("/tasks/" + act.getId() + "/complete").contentType(MediaType.APPLICATION_JSON)
            .content("{\"actSigned\": true, \"actNumber\": \"17\"}").with(ROP).with(csrf()))
        .andExpect(status().isOk());
    assertThat(tasks.createTaskQuery().taskId(act.getId()).singleResult()).isNull();

    // The УПД's task asks for its own scan: the act's does not count.
    Task upd = task(deal, "Task_SendUpd");
    mvc.perform(get("/tasks/" + upd.getId()).with(ROP))
        .andExpect(content().string(containsString("Скан подписанного УПД")))
        .andExpect(content().string(containsString("Скан ещё не загружен")));
    mvc.perform(post("/tasks/" + upd.getId() + "/complete").contentType(MediaType.APPLICATION_JSON)
            .content("{\"updSigned\": true}").with(ROP).with(csrf()))
        .andExpect(status().is4xxClientError())
        .andExpect(jsonPath("$.message", startsWith("Загрузите скан подписанного УПД")));
  }

  private Deal shipped(String title) {
    Deal deal = dealService.create(new NewDeal(title, null, new NewDeal.NewClient("ООО «Тест " + title + "»", null, null,
        "Иванов Иван", null, null), new BigDecimal("340000"), new BigDecimal("85000"), null, null, null), ROP_VIEWER);
    var context = SecurityContextHolder.getContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("smirnova", null, List.of()));
    try {
      dealService.changeResponsible(deal.getId(), "petrov", ROP_VIEWER);
      runJobs(deal);
      dealService.changeStage(deal.getId(), DealStage.SHIPPED, ROP_VIEWER);
    } finally {
      context.setAuthentication(null);
    }
    runJobs(deal);
    return deal;
  }

  private Task task(Deal deal, String key) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(deal.getId())).taskDefinitionKey(key)
        .singleResult();
    assertThat(task).as(key).isNotNull();
    return task;
  }

  /** Job execution is off in the fast tier: the deal's due jobs run here, as the executor would. */
  private void runJobs(Deal deal) {
    for (int round = 0; round < 20; round++) {
      Set<String> ids = new HashSet<>(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(deal.getId()))
          .list().stream().map(ProcessInstance::getId).toList());
      if (ids.isEmpty()) {
        return;
      }
      List<Job> due = management.createJobQuery().processInstanceIds(ids).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> {
        try {
          management.executeJob(j.getId());
        } catch (RuntimeException ignored) {
          // a side job failing without its outside system (a message to the client) does not concern this test
        }
      });
    }
  }
}
