package ru.voronka.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.DealService;
import ru.voronka.deals.DealStage;
import ru.voronka.deals.Viewer;

/**
 * FUN-8, DOC-2 over real SMTP (GreenMail): the client's signed scans, uploaded to the deal, reach the
 * accountants byte for byte when the funnel's «Отправить подписанные документы бухгалтеру» job runs;
 * a document sent to the client by e-mail carries its PDF.
 */
@SpringBootTest
@TestPropertySource(properties = {
    "spring.datasource.url=jdbc:h2:mem:documents-mail;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "voronka.mail.mode=smtp",
    "spring.mail.host=127.0.0.1"
})
class SignedScansMailTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
  }

  static final byte[] SIGNED_ACT = "%PDF-1.4\n% акт, подписанный клиентом\n1 0 obj<<>>endobj\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  static final byte[] SIGNED_UPD = new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 2, 3,
      (byte) 0x80, (byte) 0xFF, (byte) 0xD9};
  static final Viewer ROP = Viewer.of("smirnova", List.of("rop"));

  @Autowired DealRepository deals;
  @Autowired DealService dealService;
  @Autowired DealDocuments documents;
  @Autowired DocumentSending sending;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;

  @Test
  void the_signed_act_and_upd_reach_the_accountants_byte_for_byte() throws Exception {
    Deal deal = deals.findAll().stream().filter(d -> d.getTitle().equals("Модернизация КИПиА цеха")).findFirst().orElseThrow();
    as("smirnova", () -> dealService.changeStage(deal.getId(), DealStage.SHIPPED, ROP));
    runJobs(deal, "Task_EmailSignedDocuments");
    documents.addSigned(deal.getId(), DocumentType.ACT, "акт подписан.pdf", SIGNED_ACT, "petrov");
    documents.addSigned(deal.getId(), DocumentType.UPD, "упд.jpg", SIGNED_UPD, "petrov");
    complete(deal, "Task_SendActs", Map.of("actSigned", true, "actNumber", "17"));
    complete(deal, "Task_SendUpd", Map.of("updSigned", true));
    smtp.purgeEmailFromAllMailboxes();
    var ids = instances(deal);
    Job mail = management.createJobQuery().activityId("Task_EmailSignedDocuments").list().stream()
        .filter(j -> ids.contains(j.getProcessInstanceId())).findFirst().orElseThrow();
    management.executeJob(mail.getId());

    MimeMessage message = Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).startsWith("Подписанные документы"))
        .findFirst().orElseThrow();
    assertThat(Arrays.stream(message.getAllRecipients()).map(Object::toString)).contains("sokolova@voronka.local");
    Map<String, byte[]> files = attachments(message);
    assertThat(files).hasSize(2);
    assertThat(files.entrySet()).anySatisfy(f -> {
      assertThat(f.getKey()).startsWith("Акт_").endsWith("_подписан.pdf");
      assertThat(f.getValue()).isEqualTo(SIGNED_ACT);
    });
    assertThat(files.entrySet()).anySatisfy(f -> {
      assertThat(f.getKey()).startsWith("УПД_").endsWith("_подписан.jpg");
      assertThat(f.getValue()).isEqualTo(SIGNED_UPD);
    });
    // The shipping set was made on entering «Отгружен/Доставлен».
    assertThat(documents.versions(deal.getId()).stream().map(DocumentVersionView::type))
        .contains(DocumentType.ACT, DocumentType.WAYBILL, DocumentType.UPD);
  }

  @Test
  void a_document_sent_to_the_client_by_email_carries_its_pdf() throws Exception {
    Deal deal = deals.findAll().stream().filter(d -> d.getTitle().equals("Поставка обратных клапанов")).findFirst().orElseThrow();
    DocumentVersionView kp = documents.make(deal.getId(), DocumentType.KP, "petrov", "Для письма");
    smtp.purgeEmailFromAllMailboxes();
    as("petrov", () -> sending.send(kp.id(), DocumentSending.Channel.EMAIL, "snab@client.example",
        Viewer.of("petrov", List.of("managers"))));
    MimeMessage message = smtp.getReceivedMessages()[0];
    assertThat(message.getAllRecipients()[0].toString()).isEqualTo("snab@client.example");
    assertThat(attachments(message).values()).singleElement()
        .satisfies(pdf -> assertThat(pdf).isEqualTo(documents.file(kp.id()).orElseThrow().content()));
    assertThat(message.getContent().toString()).isNotNull();
  }

  private java.util.Set<String> definitions(String activityId) {
    return new java.util.HashSet<>(management.createJobDefinitionQuery().activityIdIn(activityId).list().stream()
        .map(org.camunda.bpm.engine.management.JobDefinition::getId).toList());
  }

  private java.util.Set<String> instances(Deal deal) {
    return new java.util.HashSet<>(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(deal.getId()))
        .list().stream().map(org.camunda.bpm.engine.runtime.ProcessInstance::getId).toList());
  }

  private void complete(Deal deal, String key, Map<String, Object> variables) {
    var task = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(deal.getId())).taskDefinitionKey(key).singleResult();
    assertThat(task).as(key).isNotNull();
    as(task.getAssignee() == null ? "petrov" : task.getAssignee(), () -> {
      tasks.complete(task.getId(), new HashMap<>(variables));
      return null;
    });
  }

  /** Runs the deal's due jobs (the stage change is asynchronous), except the one the test runs itself. */
  private void runJobs(Deal deal, String except) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = management.createJobQuery().processInstanceIds(instances(deal)).executable().list()
          .stream().filter(j -> !definitions(except).contains(j.getJobDefinitionId())).toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> {
        try {
          management.executeJob(j.getId());
        } catch (RuntimeException ignored) {
          // a failing side job (a message to a client without a provider) does not concern this test
        }
      });
    }
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, byte[]> attachments(MimeMessage message) throws Exception {
    Map<String, byte[]> files = new HashMap<>();
    if (message.getContent() instanceof Multipart parts) {
      List<BodyPart> all = new ArrayList<>();
      for (int i = 0; i < parts.getCount(); i++) {
        all.add(parts.getBodyPart(i));
      }
      for (BodyPart part : all) {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
          files.put(jakarta.mail.internet.MimeUtility.decodeText(part.getFileName()), part.getInputStream().readAllBytes());
        }
      }
    }
    return files;
  }

  private static <T> T as(String userId, java.util.function.Supplier<T> work) {
    var context = SecurityContextHolder.getContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(userId, null, List.of()));
    try {
      return work.get();
    } finally {
      context.setAuthentication(null);
    }
  }
}
