package ru.voronka.automation;

import ru.voronka.messaging.ClientMessenger;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.automation.StageAutomationProcess.Vars;
import ru.voronka.chat.Channel;
import ru.voronka.chat.ClientMessageSettled;
import ru.voronka.chat.ClientOutbox;
import ru.voronka.chat.Upload;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealHistory;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.DealStage;
import ru.voronka.deals.DealWork;
import ru.voronka.deals.HistoryKind;
import ru.voronka.directory.Contact;
import ru.voronka.directory.Counterparty;
import ru.voronka.directory.PhoneNumbers;
import ru.voronka.platform.CurrentActor;

/**
 * The runs of stage actions (issue 17, item 6): one per deal, entry into the stage and action, started
 * once whatever delivers the event again; checked when their time comes; sent through the one outbox,
 * keyed by the run and the number; and every outcome written into the deal's history with the action's name.
 */
@Service
@Transactional
public class StageActionRuns {

  static final String CAUSE = "stage-action:";

  private final StageActionRepository actions;
  private final DealRepository deals;
  private final DealHistory history;
  private final ClientOutbox outbox;
  private final MessageParameters parameters;
  private final SendTimes times;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final JdbcTemplate jdbc;
  private final ObjectProvider<DealDocuments> documents;

  StageActionRuns(StageActionRepository actions, DealRepository deals, DealHistory history, ClientOutbox outbox,
      MessageParameters parameters, SendTimes times, RuntimeService runtime, ManagementService management, JdbcTemplate jdbc,
      ObjectProvider<DealDocuments> documents) {
    this.actions = actions;
    this.deals = deals;
    this.history = history;
    this.outbox = outbox;
    this.parameters = parameters;
    this.times = times;
    this.runtime = runtime;
    this.management = management;
    this.jdbc = jdbc;
    this.documents = documents;
  }

  static String runKey(Long dealId, DealStage stage, Instant enteredAt, Long actionId) {
    return dealId + "-" + stage + "-" + enteredAt.toEpochMilli() + "-" + actionId;
  }

  static String cause(String runKey, String phone) {
    return CAUSE + runKey + ":" + phone;
  }

  /** A deal entered a stage: one run per enabled action of the stage, each waiting for its time. */
  public int start(Long dealId, DealStage stage, Instant enteredAt) {
    int started = 0;
    for (StageAction action : actions.findByStageOrderByIdAsc(stage)) {
      if (!action.isEnabled()) {
        continue;
      }
      String key = runKey(dealId, stage, enteredAt, action.getId());
      if (jdbc.queryForObject("select count(*) from stage_action_run where run_key = ?", Integer.class, key) > 0) {
        continue; // the same entry delivered again
      }
      Instant due = times.due(enteredAt, action.getDelay(), action.isWorkingHoursOnly());
      jdbc.update("""
          insert into stage_action_run (run_key, deal_id, action_id, action_name, stage, entered_at, due_at, status)
          values (?, ?, ?, ?, ?, ?, ?, 'WAITING')""", key, dealId, action.getId(), action.getName(), stage.name(),
          Timestamp.from(enteredAt), Timestamp.from(due));
      String instance = runtime.startProcessInstanceByKey(StageAutomationProcess.KEY, DealWork.businessKey(dealId),
          Map.of(Vars.DEAL_ID, dealId, Vars.ACTION_ID, action.getId(), Vars.RUN_KEY, key, Vars.STAGE, stage.name(),
              Vars.DUE_AT, Date.from(due))).getId();
      jdbc.update("update stage_action_run set process_instance_id = ? where run_key = ?", instance, key);
      started++;
    }
    return started;
  }

  /** The deal left a stage: the waiting runs of actions that re-check the stage are cancelled now, and say why. */
  public void left(Long dealId, DealStage from, DealStage to) {
    if (from == null) {
      return;
    }
    List<Map<String, Object>> waiting = jdbc.queryForList("""
        select action_id, process_instance_id from stage_action_run
        where deal_id = ? and stage = ? and status = 'WAITING' and process_instance_id is not null""", dealId, from.name());
    for (Map<String, Object> run : waiting) {
      Long actionId = ((Number) run.get("action_id")).longValue();
      boolean recheck = actions.findById(actionId).map(StageAction::isRecheckStage).orElse(true);
      if (!recheck) {
        continue;
      }
      String instance = (String) run.get("process_instance_id");
      if (runtime.createEventSubscriptionQuery().processInstanceId(instance).eventName(StageAutomationProcess.MESSAGE_STAGE_LEFT)
          .count() == 0) {
        continue; // already past waiting: its check will see the new stage
      }
      runtime.createMessageCorrelation(StageAutomationProcess.MESSAGE_STAGE_LEFT).processInstanceId(instance)
          .setVariable(Vars.NEW_STAGE, to.name()).correlate();
    }
  }

  /** An action changed: its runs not yet fired wait for the new time (the text and the rest are read when they fire). */
  public void retime(StageAction action) {
    record Waiting(String runKey, Instant entered, String instance) {}
    List<Waiting> waiting = jdbc.query("""
        select run_key, entered_at, process_instance_id from stage_action_run
        where action_id = ? and status = 'WAITING' and process_instance_id is not null""",
        (rs, i) -> new Waiting(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)), action.getId());
    for (Waiting run : waiting) {
      Instant due = times.due(run.entered(), action.getDelay(), action.isWorkingHoursOnly());
      Job timer = management.createJobQuery().processInstanceId(run.instance()).timers().singleResult();
      if (timer != null) {
        management.setJobDuedate(timer.getId(), Date.from(due));
        jdbc.update("update stage_action_run set due_at = ?, action_name = ? where run_key = ?", Timestamp.from(due),
            action.getName(), run.runKey());
      }
    }
  }

  /**
   * The run's time came: why it must not send, or empty. Skipped: the action was deleted or switched
   * off, the deal is gone, or — with «проверить стадию» — it is on another stage; a closed deal gets
   * nothing unless the action is on its closing stage.
   */
  public Optional<String> check(String runKey, Long dealId, Long actionId, DealStage stage) {
    jdbc.update("update stage_action_run set status = 'FIRED' where run_key = ? and status = 'WAITING'", runKey);
    Optional<StageAction> action = actions.findById(actionId);
    if (action.isEmpty()) {
      return Optional.of("действие удалено");
    }
    if (!action.get().isEnabled()) {
      return Optional.of("действие выключено");
    }
    Optional<Deal> deal = deals.findById(dealId);
    if (deal.isEmpty()) {
      return Optional.of("сделка удалена");
    }
    if (action.get().isRecheckStage() && deal.get().getStage() != stage) {
      return Optional.of("сделка на стадии «" + deal.get().getStage().title() + "»");
    }
    if (!deal.get().isOpen() && !stage.isFinal()) {
      return Optional.of("сделка закрыта («" + deal.get().getStage().title() + "»)");
    }
    return Optional.empty();
  }

  /** Sends the action's message to each recipient through the outbox; the outcome comes back as {@link ClientMessageSettled}. */
  public void send(String runKey, Long dealId, Long actionId) {
    StageAction action = actions.findById(actionId).orElse(null);
    Deal deal = deals.findById(dealId).orElse(null);
    if (action == null || deal == null) {
      skipped(runKey, dealId, action == null ? "действие удалено" : "сделка удалена");
      return;
    }
    List<String> phones = recipients(deal, action.getRecipients());
    if (phones.isEmpty()) {
      finish(runKey, "FAILED", "у клиента нет телефона — добавьте его контакту в карточке контрагента");
      history.recordOutcome(dealId, CurrentActor.SYSTEM, HistoryKind.AUTOMATION,
          "«" + action.getName() + "»: Ошибка: у клиента нет телефона — добавьте его контакту в карточке контрагента", false);
      return;
    }
    String text = parameters.render(action.getBody(), deal);
    List<Upload> files = new ArrayList<>();
    action.getAttachments().forEach(a -> files.add(new Upload(a.getFileName(), a.getContentType(), a.getContent())));
    List<String> missing = new ArrayList<>();
    DealDocuments docs = documents.getIfAvailable(NoDealDocuments::new);
    for (String kind : action.getDocumentKinds()) {
      docs.latest(dealId, kind).ifPresentOrElse(d -> files.add(new Upload(d.fileName(), d.contentType(), d.content())),
          () -> missing.add(kind));
    }
    StageActionForm.Template named = action.getTemplate();
    ClientMessenger.TemplateMessage template = named == null ? null : new ClientMessenger.TemplateMessage(named.name(),
        named.language(), named.parameters().stream().map(p -> parameters.render(p, deal)).toList());
    if (text.isEmpty() && files.isEmpty() && template == null) {
      finish(runKey, "FAILED", "нечего отправить: текст пуст, документов нет");
      history.recordOutcome(dealId, CurrentActor.SYSTEM, HistoryKind.AUTOMATION,
          "«" + action.getName() + "»: Ошибка: нечего отправить — текст пуст, документов " + String.join(", ", missing) + " у сделки нет",
          false);
      return;
    }
    if (!missing.isEmpty()) {
      history.record(dealId, CurrentActor.SYSTEM, HistoryKind.AUTOMATION,
          "«" + action.getName() + "»: документов " + String.join(", ", missing) + " у сделки нет — отправлено без них");
    }
    for (String phone : phones) {
      outbox.send(new ClientOutbox.Outgoing(dealId, cause(runKey, phone), ClientOutbox.SYSTEM_AUTHOR, text, Channel.WHATSAPP, phone,
          action.getService(), action.getChannel(), files, template));
    }
    finish(runKey, "QUEUED", null);
  }

  /** A run that must not send: «Пропущено: …» in the deal's history, with the action's name. */
  public void skipped(String runKey, Long dealId, String reason) {
    String name = actionName(runKey);
    finish(runKey, "SKIPPED", reason);
    if (deals.existsById(dealId)) {
      history.record(dealId, CurrentActor.SYSTEM, HistoryKind.AUTOMATION, "«" + name + "»: Пропущено: " + reason);
    }
  }

  /** What the outbox made of a run's message: «Отправлено» or «Ошибка: …» in the deal's history. */
  public void settled(ClientMessageSettled event) {
    if (event.cause() == null || !event.cause().startsWith(CAUSE)) {
      return;
    }
    String rest = event.cause().substring(CAUSE.length());
    int colon = rest.lastIndexOf(':');
    String runKey = rest.substring(0, colon);
    String phone = rest.substring(colon + 1);
    String name = actionName(runKey);
    if (event.sent()) {
      finish(runKey, "SENT", null);
      history.recordOutcome(event.dealId(), CurrentActor.SYSTEM, HistoryKind.AUTOMATION,
          "«" + name + "»: Отправлено на " + PhoneNumbers.display(phone), true);
    } else {
      finish(runKey, "FAILED", event.reason());
      history.recordOutcome(event.dealId(), CurrentActor.SYSTEM, HistoryKind.AUTOMATION,
          "«" + name + "»: Ошибка: " + event.reason() + " (" + PhoneNumbers.display(phone) + ")", false);
    }
  }

  /** ALL: every number of every contact; MAIN_CONTACT: the main contact's number (the client's number to write). */
  static List<String> recipients(Deal deal, Recipients recipients) {
    Counterparty client = deal.getCounterparty();
    if (client == null) {
      return List.of();
    }
    if (recipients == Recipients.MAIN_CONTACT) {
      return client.mainContact().flatMap(c -> c.getPhones().stream().findFirst()).or(client::phoneToWrite)
          .map(List::of).orElse(List.of());
    }
    Set<String> phones = new LinkedHashSet<>();
    client.mainContact().ifPresent(c -> phones.addAll(c.getPhones()));
    for (Contact c : client.getContacts()) {
      phones.addAll(c.getPhones());
    }
    return List.copyOf(phones);
  }

  private String actionName(String runKey) {
    List<String> names = jdbc.queryForList("select action_name from stage_action_run where run_key = ?", String.class, runKey);
    return names.isEmpty() ? "Действие" : names.get(0);
  }

  private void finish(String runKey, String status, String outcome) {
    jdbc.update("update stage_action_run set status = ?, outcome = ?, finished_at = ? where run_key = ?", status,
        outcome == null ? null : outcome.length() > 1000 ? outcome.substring(0, 1000) : outcome,
        Timestamp.from(times.now()), runKey);
  }
}
