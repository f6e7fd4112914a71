package ru.voronka.forms;

import ru.voronka.deals.Assignments;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.voronka.deals.DealStage;
import ru.voronka.deals.Funnel;
import ru.voronka.deals.LostReason;
import ru.voronka.deals.PaymentTerms;
import ru.voronka.deals.Priority;
import ru.voronka.deals.process.InternalApprovalProcess;
import ru.voronka.deals.process.TaskCompletionRules;
import ru.voronka.platform.web.DomainException;

/**
 * forms/*.form against processes/*.bpmn and the server-side completion rules, without an engine:
 * every formRef has its form, every form is used, the forms are well-formed Camunda Forms, and
 * each one produces (and marks required) what {@link TaskCompletionRules} and the delegates demand.
 */
class FormsMatchModelsTest {

  static final Path PROCESSES = Path.of("processes");
  static final Path FORMS = Path.of("forms");

  static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "datetime", "checkbox", "checklist", "radio",
      "select", "taglist");
  /** What Camunda 7 Tasklist's form-js renders. */
  static final Set<String> SUPPORTED = union(INPUTS, Set.of("text", "spacer", "separator", "group", "dynamiclist", "button"));

  /** Variables a form must always produce, with validate.required: TaskCompletionRules for tasks, the delegates for start forms. */
  static final Map<String, Set<String>> REQUIRED = Map.ofEntries(
      Map.entry("new-request", Set.of("clientName")),
      Map.entry("take-request", Set.of("takeDecision")),
      Map.entry("check-items", Set.of("priority", "clientName", "deliveryDate")),
      Map.entry("send-kp", Set.of("amount")),
      Map.entry("kp-feedback", Set.of("kpStatus")),
      Map.entry("rework-kp", Set.of("amount")),
      Map.entry("send-for-signing", Set.of("paymentTerms", "documentsSigned")),
      Map.entry("send-invoice", Set.of("paymentTerms", "invoiceSigned")),
      Map.entry("get-payment", Set.of("paid")),
      Map.entry("rework-invoice", Set.of("amount")),
      Map.entry("payment-schedule", Set.of("tranches")),
      Map.entry("signed-act", Set.of("actSigned")),
      Map.entry("signed-upd", Set.of("updSigned")),
      Map.entry("approve-documents", Set.of(InternalApprovalProcess.DECISION)),
      Map.entry("confirm-tranche", Set.of("paidOn")),
      Map.entry("deal-assignments", Set.of("dealId")),
      Map.entry("side-process-start", Set.of("dealId")),
      Map.entry("deal-loss", Set.of("dealId", "lostReason")),
      Map.entry("stage-change", Set.of("dealId", "targetStage")),
      Map.entry("review-join-request", Set.of("joinDecision")),
      Map.entry("answer-client", Set.of("answered")),
      Map.entry("call-follow-up", Set.of("followUp")));

  /** Variables required only for one answer: shown (and required) only then. formRef → key → its hide condition. */
  static final Map<String, Map<String, String>> CONDITIONAL = Map.of(
      "take-request", Map.of("refusalReason", "=takeDecision != \"REFUSE\""),
      "get-payment", Map.of("paymentDate", "=paid != true"),
      "approve-documents", Map.of(InternalApprovalProcess.COMMENT, "=approvalDecision != \"RETURNED\""),
      "deal-loss", Map.of("lostComment", "=lostReason != \"OTHER\""),
      "call-follow-up", Map.of("clientName", "=knownClient != false", "readiness", "=knownClient != false",
          "requestTitle", "=followUp != \"REQUEST\"", "eventKind", "=followUp != \"EVENT\"",
          "eventDue", "=followUp != \"EVENT\"", "eventTitle", "=followUp != \"EVENT\""));

  /** Radio and select values exactly as the gateways, rules and enums expect. */
  static final Map<String, Set<String>> OPTIONS = Map.ofEntries(
      Map.entry("takeDecision", Set.of("ACCEPT", "REFUSE")),
      Map.entry("kpStatus", Set.of("AGREED", "NOT_AGREED")),
      Map.entry("priority", names(Priority.values())),
      Map.entry("paymentTerms", names(PaymentTerms.values())),
      Map.entry(InternalApprovalProcess.DECISION, Set.of(InternalApprovalProcess.APPROVED, InternalApprovalProcess.RETURNED)),
      Map.entry("lostReason", names(LostReason.values())),
      Map.entry("targetStage", names(DealStage.manualTargets(Funnel.SALES).toArray(DealStage[]::new))),
      Map.entry("joinDecision", Set.of("APPROVE", "DECLINE")),
      Map.entry("followUp", Set.of("REQUEST", "EVENT")),
      Map.entry("eventKind", names(ru.voronka.telephony.ClientEvent.Kind.values())),
      Map.entry("readiness", names(ru.voronka.directory.Readiness.values())));

  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
  static final Pattern HIDE_UNLESS = Pattern.compile("=(\\w+) != (?:\"(\\w+)\"|(true|false))");

  /** One use of a form in a model. */
  record FormUse(String model, String elementId, boolean userTask, String formRef, String binding) {}

  record Field(String type, String key, JsonNode node) {}

  static List<FormUse> uses;
  static Map<String, JsonNode> forms;
  static Map<String, Map<String, Field>> fields;

  @BeforeAll
  static void read() throws IOException {
    uses = new ArrayList<>();
    try (Stream<Path> files = Files.list(PROCESSES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          var model = Bpmn.readModelFromStream(in);
          String name = file.getFileName().toString();
          model.getModelElementsByType(UserTask.class).stream().filter(t -> t.getCamundaFormRef() != null).forEach(t ->
              uses.add(new FormUse(name, t.getId(), true, t.getCamundaFormRef(), t.getCamundaFormRefBinding())));
          model.getModelElementsByType(StartEvent.class).stream().filter(e -> e.getCamundaFormRef() != null).forEach(e ->
              uses.add(new FormUse(name, e.getId(), false, e.getCamundaFormRef(), e.getCamundaFormRefBinding())));
        }
      }
    }
    forms = new TreeMap<>();
    fields = new TreeMap<>();
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        JsonNode form = JSON.readTree(file.toFile());
        String id = form.path("id").asText();
        assertEquals(id + ".form", file.getFileName().toString(), "file name of form " + id);
        assertNull(forms.put(id, form), "form id used twice: " + id);
        Map<String, Field> keyed = new LinkedHashMap<>();
        collect(form.path("components"), keyed);
        fields.put(id, keyed);
      }
    }
  }

  @Test
  void everyFormRef_hasItsForm_andEveryFormIsUsed() {
    assertFalse(uses.isEmpty(), "no formRef in processes/");
    for (FormUse use : uses) {
      assertTrue(forms.containsKey(use.formRef()), use + ": no form with this id in forms/");
      assertTrue(Set.of("deployment", "latest").contains(use.binding()), use + ": formRefBinding");
    }
    Set<String> unused = new TreeSet<>(forms.keySet());
    uses.forEach(u -> unused.remove(u.formRef()));
    assertEquals(Set.of(), unused, "forms no model refers to");
    assertTrue(forms.keySet().containsAll(REQUIRED.keySet()), "REQUIRED names a form that does not exist");
  }

  @Test
  void everyForm_isACamundaForm_forTasklist() {
    forms.forEach((id, form) -> {
      assertTrue(form.path("schemaVersion").isInt(), id + ": schemaVersion");
      assertEquals("default", form.path("type").asText(), id + ": type");
      assertEquals("Camunda Platform", form.path("executionPlatform").asText(), id + ": executionPlatform");
      assertTrue(form.path("executionPlatformVersion").asText().startsWith("7."), id + ": executionPlatformVersion");
      assertTrue(form.path("components").isArray(), id + ": components");
      Set<String> ids = new HashSet<>();
      walk(form.path("components"), component -> {
        String type = component.path("type").asText();
        String cid = component.path("id").asText();
        assertFalse(cid.isBlank(), id + ": a " + type + " without id");
        assertTrue(ids.add(cid), id + ": component id used twice: " + cid);
        assertTrue(SUPPORTED.contains(type), id + " " + cid + ": type " + type + " is not rendered by Tasklist");
        if (INPUTS.contains(type)) {
          assertTrue(component.path("key").asText().matches("[a-zA-Z][a-zA-Z0-9]*"), id + " " + cid + ": key");
          String label = component.path(type.equals("datetime") ? "dateLabel" : "label").asText();
          assertTrue(CYRILLIC.matcher(label).find(), id + " " + cid + ": a Russian label");
        }
        if (type.equals("dynamiclist")) {
          assertFalse(component.path("path").asText().isBlank(), id + " " + cid + ": path");
        }
      });
    });
  }

  @Test
  void requiredVariables_areFields_markedRequired() {
    REQUIRED.forEach((formRef, keys) -> keys.forEach(key -> {
      Field field = fields.get(formRef).get(key);
      assertNotNull(field, formRef + ": no field for " + key);
      if (field.type().equals("checkbox") && key.equals("paid")) {
        return; // «оплачен / не оплачен»: an unticked box is the answer «не оплачен», never a missing value
      }
      if (!field.type().equals("dynamiclist")) {
        assertTrue(required(field), formRef + ": " + key + " must be validate.required");
      }
    }));
    CONDITIONAL.forEach((formRef, keys) -> keys.forEach((key, hide) -> {
      Field field = fields.get(formRef).get(key);
      assertNotNull(field, formRef + ": no field for " + key);
      assertTrue(required(field), formRef + ": " + key + " must be validate.required when shown");
      assertEquals(hide, field.node().path("conditional").path("hide").asText(), formRef + ": " + key + " shown only when needed");
    }));
  }

  @Test
  void paymentSchedule_isAListOfPercentAndDueDate() {
    Map<String, Field> schedule = fields.get("payment-schedule");
    assertEquals("dynamiclist", schedule.get("tranches").type());
    // PaymentSchedule.fromForm reads [{"percent": 50, "dueDate": "2026-12-01"}, …]
    Field percent = schedule.get("tranches[].percent");
    Field dueDate = schedule.get("tranches[].dueDate");
    assertEquals("number", percent.type());
    assertTrue(required(percent));
    assertTrue(percent.node().path("validate").path("min").asDouble() > 0);
    assertEquals(100, percent.node().path("validate").path("max").asDouble());
    assertEquals("datetime", dueDate.type());
    assertEquals("date", dueDate.node().path("subtype").asText());
    assertTrue(required(dueDate));
  }

  @Test
  void choices_carryExactlyTheValuesTheProcessExpects() {
    fields.forEach((formRef, keyed) -> keyed.forEach((key, field) -> {
      if (field.type().equals("radio") || field.type().equals("select")) {
        Set<String> values = new HashSet<>();
        field.node().path("values").forEach(v -> values.add(v.path("value").asText()));
        assertTrue(OPTIONS.containsKey(key), formRef + ": " + key + " is a choice this test does not know");
        assertEquals(OPTIONS.get(key), values, formRef + ": values of " + key);
      }
    }));
  }

  @Test
  void assignmentFlags_areAllOffered() {
    for (String formRef : List.of("check-items", "deal-assignments")) {
      for (String flag : Assignments.TEAMS.keySet()) {
        Field field = fields.get(formRef).get(flag);
        assertNotNull(field, formRef + ": flag " + flag);
        assertEquals("checkbox", field.type(), formRef + ": flag " + flag);
      }
    }
  }

  /**
   * The same rules Tasklist's completion meets on the server: a form filled in completely passes
   * them, and leaving out any variable of {@link #REQUIRED} or {@link #CONDITIONAL} is refused.
   */
  @Test
  void filledForms_passTheServerRules_andEachRequiredVariableIsReallyRequired() {
    var rules = new TaskCompletionRules();
    for (FormUse use : uses.stream().filter(FormUse::userTask).toList()) {
      Map<String, Object> filled = sample(fields.get(use.formRef()));
      assertDoesNotThrow(() -> rules.check(use.elementId(), filled), use + " with the form filled in");
      for (String key : REQUIRED.getOrDefault(use.formRef(), Set.of())) {
        Map<String, Object> without = new HashMap<>(filled);
        without.remove(key);
        assertThrows(DomainException.class, () -> rules.check(use.elementId(), without), use + " without " + key);
      }
      CONDITIONAL.getOrDefault(use.formRef(), Map.of()).forEach((key, hide) -> {
        Matcher shownWhen = HIDE_UNLESS.matcher(hide);
        if (!shownWhen.matches()) {
          fail(use.formRef() + ": unexpected hide condition " + hide);
        }
        Map<String, Object> without = new HashMap<>(filled);
        without.put(shownWhen.group(1), shownWhen.group(2) != null ? shownWhen.group(2) : Boolean.valueOf(shownWhen.group(3)));
        without.remove(key);
        assertThrows(DomainException.class, () -> rules.check(use.elementId(), without), use + ": " + key + " shown but empty");
      });
    }
  }

  // --- helpers

  /** Keyed fields by their value path: "key", or "list[].key" inside a dynamic list; a path claimed twice fails. */
  static void collect(JsonNode components, Map<String, Field> keyed) {
    collect(components, "", keyed);
  }

  private static void collect(JsonNode components, String prefix, Map<String, Field> keyed) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (c.hasNonNull("key")) {
        String path = prefix + c.path("key").asText();
        assertNull(keyed.put(path, new Field(type, path, c)), "key used twice: " + path);
      }
      if (type.equals("dynamiclist")) {
        String path = prefix + c.path("path").asText();
        assertNull(keyed.put(path, new Field(type, path, c)), "path used twice: " + path);
        collect(c.path("components"), path + "[].", keyed);
      } else if (c.has("components")) {
        String path = c.path("path").asText();
        collect(c.path("components"), path.isEmpty() ? prefix : prefix + path + ".", keyed);
      }
    }
  }

  private static boolean required(Field field) {
    return field.node().path("validate").path("required").asBoolean();
  }

  private static void walk(JsonNode components, java.util.function.Consumer<JsonNode> visitor) {
    for (JsonNode c : components) {
      visitor.accept(c);
      walk(c.path("components"), visitor);
    }
  }

  /** What Tasklist would submit for a form filled in everywhere, conditional fields included. */
  static Map<String, Object> sample(Map<String, Field> keyed) {
    Map<String, Object> values = new HashMap<>();
    keyed.forEach((path, field) -> {
      if (path.contains("[]")) {
        return;
      }
      values.put(path, switch (field.type()) {
        case "checkbox" -> true;
        case "number" -> Math.max(1, field.node().path("validate").path("min").asDouble(1));
        case "datetime" -> "2026-12-01";
        case "radio", "select" -> field.node().path("values").get(0).path("value").asText();
        case "checklist", "taglist" -> List.of(field.node().path("values").get(0).path("value").asText());
        case "dynamiclist" -> List.of(Map.of("percent", 50, "dueDate", "2026-12-01"), Map.of("percent", 50, "dueDate", "2027-01-15"));
        default -> "Заполнено";
      });
    });
    return values;
  }

  static Set<String> names(Enum<?>[] values) {
    Set<String> names = new HashSet<>();
    Arrays.stream(values).forEach(v -> names.add(v.name()));
    return names;
  }

  @SafeVarargs
  static Set<String> union(Set<String>... sets) {
    Set<String> all = new HashSet<>();
    Arrays.stream(sets).forEach(all::addAll);
    return all;
  }
}
