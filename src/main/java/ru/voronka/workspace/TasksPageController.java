package ru.voronka.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.voronka.deals.TaskDesk;
import ru.voronka.deals.TaskDesk.TaskForm;
import ru.voronka.deals.Viewers;
import ru.voronka.documents.DealDocuments;
import ru.voronka.documents.DocumentType;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainExceptions;

/**
 * «Мои задачи» and the task card (issue 15): the user's open tasks, taken with «Взять» and completed
 * with the task's Camunda Form, rendered by form-js as in Tasklist; the engine completes it with the
 * user's identity.
 */
@Controller
class TasksPageController {

  private final TaskDesk tasks;
  private final DealDocuments documents;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  TasksPageController(TaskDesk tasks, DealDocuments documents, Clock clock) {
    this.tasks = tasks;
    this.documents = documents;
    this.clock = clock;
  }

  @GetMapping("/tasks")
  String list(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String done,
      Authentication auth, Model model) {
    var rows = tasks.open(Viewers.of(auth), PageRequest.of(Math.max(page, 0), 25));
    model.addAttribute("rows", rows);
    model.addAttribute("capped", rows.getTotalElements() > TaskDesk.COUNT_CAP);
    model.addAttribute("countCap", TaskDesk.COUNT_CAP);
    model.addAttribute("now", Date.from(clock.instant()));
    if (done != null && !done.isBlank()) {
      model.addAttribute("done", "Задача «" + done + "» выполнена");
    }
    return "workspace/tasks";
  }

  @GetMapping(value = "/tasks/count", produces = "text/plain;charset=UTF-8")
  @ResponseBody
  String count(Authentication auth) {
    long count = tasks.countOpen(Viewers.of(auth));
    return count == 0 ? "" : count > 999 ? "999+" : String.valueOf(count);
  }

  @GetMapping("/tasks/{id}")
  String task(@PathVariable String id, Authentication auth, Model model) throws JsonProcessingException {
    TaskForm form = tasks.form(id, Viewers.of(auth));
    model.addAttribute("task", form.task());
    model.addAttribute("schemaJson", form.schema() == null ? null : inScript(form.schema()));
    model.addAttribute("dataJson", inScript(json.writeValueAsString(form.data())));
    model.addAttribute("now", Date.from(clock.instant()));
    signedDocument(form.task()).ifPresent(type -> {
      model.addAttribute("scanType", type);
      model.addAttribute("scans", documents.signed(form.task().dealId(), type));
    });
    return "workspace/task";
  }

  /**
   * FUN-8: the signed act's or УПД's scan, uploaded on its task's page and kept as a «Подписан» version
   * by the documents' own code (type by content, size cap); the task completes only once one is there.
   */
  @PostMapping("/tasks/{id}/scan")
  String scan(@PathVariable String id, @RequestParam(name = "file", required = false) MultipartFile file,
      Authentication auth, RedirectAttributes redirect) throws java.io.IOException {
    var viewer = Viewers.of(auth);
    var task = tasks.form(id, viewer).task();
    DocumentType type = signedDocument(task).orElseThrow(() -> new DomainException(DomainException.Kind.INVALID,
        "Эта задача не принимает сканы: загрузите документ на вкладке «Документы» сделки"));
    try {
      if (file == null || file.isEmpty()) {
        throw new DomainException(DomainException.Kind.INVALID, "Выберите файл со сканом подписанного " + type.signedGenitive()
            + " (PDF, JPEG или PNG)");
      }
      var signed = documents.addSigned(task.dealId(), type, file.getOriginalFilename(), file.getBytes(), viewer.userId());
      redirect.addFlashAttribute("scanDone", "Скан сохранён: «" + type.title() + " № " + signed.number() + "», версия "
          + signed.version() + " — «Подписан». Теперь задачу можно завершить.");
    } catch (DomainException refused) {
      redirect.addFlashAttribute("scanError", refused.getMessage());
    }
    return "redirect:/tasks/" + id;
  }

  private static java.util.Optional<DocumentType> signedDocument(TaskDesk.TaskRow task) {
    return task.dealId() == null ? java.util.Optional.empty() : DocumentType.signedAtTask(task.key());
  }

  /** «Взять»: from the list, the deal card or the task card, back to where it was pressed. */
  @PostMapping("/tasks/{id}/claim")
  String claim(@PathVariable String id, @RequestParam(required = false) String back, Authentication auth) {
    tasks.claim(id, Viewers.of(auth));
    return "redirect:" + (back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/tasks/" + id);
  }

  record Completed(String message, String redirect) {}

  /** The form's values as JSON (the page's script posts them); a refusal answers 4xx with the Russian reason. */
  @PostMapping(value = "/tasks/{id}/complete", consumes = "application/json", produces = "application/json")
  @ResponseBody
  ResponseEntity<Completed> complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> values,
      Authentication auth) {
    var viewer = Viewers.of(auth);
    var task = tasks.form(id, viewer).task();
    try {
      tasks.complete(id, values == null ? Map.of() : values, viewer);
    } catch (RuntimeException e) {
      DomainException refusal = DomainExceptions.find(e);
      if (refusal == null) {
        throw e;
      }
      return ResponseEntity.status(refusal.kind().status()).body(new Completed(refusal.getMessage(), null));
    }
    return ResponseEntity.ok(new Completed("Задача «" + title(task) + "» выполнена", afterCompleting(task)));
  }

  /** Where a completed task leaves the user: its deal's tasks, or «Мои задачи» saying what was done. */
  private static String afterCompleting(TaskDesk.TaskRow task) {
    return task.dealId() != null ? "/deals/" + task.dealId() + "?tab=tasks"
        : "/tasks?done=" + java.net.URLEncoder.encode(title(task), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A task's name, or its key when its model gave it none. */
  private static String title(TaskDesk.TaskRow task) {
    return task.name() == null ? task.key() : task.name();
  }

  /** A task with no form (made by hand in Tasklist): «Завершить» as a plain form, back to the list or its deal. */
  @PostMapping(value = "/tasks/{id}/complete", consumes = "application/x-www-form-urlencoded")
  String completeWithoutForm(@PathVariable String id, Authentication auth, RedirectAttributes redirect) {
    var viewer = Viewers.of(auth);
    var task = tasks.form(id, viewer);
    if (task.schema() != null) {
      throw new DomainException(DomainException.Kind.INVALID, "У задачи есть форма: заполните её на странице задачи");
    }
    try {
      tasks.complete(id, Map.of(), viewer);
    } catch (RuntimeException e) {
      DomainException refusal = DomainExceptions.find(e);
      if (refusal == null) {
        throw e;
      }
      redirect.addFlashAttribute("completeError", refusal.getMessage());
      return "redirect:/tasks/" + id;
    }
    return "redirect:" + afterCompleting(task.task());
  }

  /** JSON inside a script element: no «</script>» can end it early ({@code <} is written as its escape). */
  private static String inScript(String json) {
    return json.replace("<", "\\u003c");
  }
}
