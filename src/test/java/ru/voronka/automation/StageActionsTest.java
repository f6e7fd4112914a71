package ru.voronka.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.DealStage;
import ru.voronka.deals.Funnel;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Group;
import ru.voronka.support.TestClock;
import ru.voronka.support.WorkspaceTest;

/**
 * Stage actions in the whole application (H2, the demo's deals and simulated WhatsApp, the engine's
 * jobs run by the test, its clock the test clock): the settings API and its Russian refusals, the
 * parameters, and runs end to end — sent once through the outbox and logged, skipped by the re-check,
 * cancelled when the deal leaves the stage, retimed when the action changes.
 */
class StageActionsTest extends WorkspaceTest {

  static final Viewer ROP = Viewer.of("smirnova", List.of(Group.HEAD_OF_SALES.id()));
  static final RequestPostProcessor AS_ROP = user("smirnova").roles("ROP");

  @Autowired MockMvc mvc;
  @Autowired StageActions actions;
  @Autowired StageActionRuns runs;
  @Autowired MessageParameters parameters;
  @Autowired DealRepository deals;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

  Deal deal(String title) {
    return deals.findAll().stream().filter(d -> d.getTitle().equals(title)).findFirst().orElseThrow();
  }

  StageAction action(DealStage stage, String delay, boolean recheck, String text) {
    return actions.create(ROP, new StageActionForm(stage.name(), "Тест " + stage + " " + System.nanoTime(), true, delay, false,
        recheck, null, null, "MAIN_CONTACT", text, List.of()));
  }

  String postJson(String json, RequestPostProcessor who, int expected) throws Exception {
    return mvc.perform(post("/api/stage-actions").with(who).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json))
        .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
  }

  /** Runs the engine's jobs of one process instance that are due by the engine's clock, as the job executor would. */
  void runDueJobs(String processInstanceId) {
    for (int i = 0; i < 5; i++) {
      List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> management.executeJob(j.getId()));
    }
  }

  String instanceOf(String runKey) {
    return jdbc.queryForObject("select process_instance_id from stage_action_run where run_key = ?", String.class, runKey);
  }

  List<String> history(Long dealId) {
    return jdbc.queryForList("select text from deal_history where deal_id = ? order by id", String.class, dealId);
  }

  @Test
  @DisplayName("SWA-FORM-1")
  void aFormWithoutNameStageOrTextIsRefusedInRussian() throws Exception {
    mvc.perform(post("/api/stage-actions").with(AS_ROP).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(allOf(containsString("Выберите стадию"), containsString("Введите название действия"),
            containsString("Введите текст сообщения или добавьте файл"))));
  }

  @Test
  @DisplayName("SWA-FORM-2")
  void aDelayThatIsNoIsoDurationOrNegativeIsRefused() throws Exception {
    assertThat(postJson("{\"stage\":\"KP\",\"name\":\"x\",\"text\":\"t\",\"delay\":\"2 часа\"}", AS_ROP, 400)).contains("ISO-8601");
    assertThat(postJson("{\"stage\":\"KP\",\"name\":\"x\",\"text\":\"t\",\"delay\":\"-PT1H\"}", AS_ROP, 400)).contains("отрицательной");
    assertThat(postJson("{\"stage\":\"KP\",\"name\":\"x\",\"text\":\"t\",\"delay\":\"P400D\"}", AS_ROP, 400)).contains("365");
  }

  @Test
  @DisplayName("SWA-FORM-3")
  void anUnknownParameterStageOrRecipientsIsRefused() throws Exception {
    assertThat(postJson("{\"stage\":\"KP\",\"name\":\"x\",\"text\":\"Здравствуйте, {Имя клента}\"}", AS_ROP, 400))
        .contains("Нет такого параметра: {Имя клента}");
    assertThat(postJson("{\"stage\":\"NOPE\",\"name\":\"x\",\"text\":\"t\"}", AS_ROP, 400)).contains("Нет такой стадии");
    assertThat(postJson("{\"stage\":\"KP\",\"name\":\"x\",\"text\":\"t\",\"recipients\":\"SOME\"}", AS_ROP, 400)).contains("MAIN_CONTACT");
  }

  @Test
  @DisplayName("SWA-SERVICE-1")
  void onlyAConnectedServiceWithAnActiveChannelMayBeChosen() throws Exception {
    assertThat(postJson("{\"stage\":\"KP\",\"name\":\"x\",\"text\":\"t\",\"service\":\"wazzup\"}", AS_ROP, 400))
        .contains("Сервис «wazzup» не подключён или у него нет активного канала");
    assertThat(postJson("{\"stage\":\"KP\",\"name\":\"x\",\"text\":\"t\",\"service\":\"sim\",\"channel\":\"no-such\"}", AS_ROP, 400))
        .contains("Канал «no-such» выключен");
    assertThat(postJson("{\"stage\":\"KP\",\"name\":\"Через симулятор\",\"text\":\"t\",\"service\":\"sim\",\"channel\":\"sim-main\"}",
        AS_ROP, 201)).contains("\"service\":\"sim\"").contains("\"channel\":\"sim-main\"");
  }

  @Test
  @DisplayName("SWA-ROLE-1")
  void aManagerMayNotSeeOrChangeStageActions() throws Exception {
    mvc.perform(get("/api/stage-actions").with(user("petrov").roles("MANAGERS"))).andExpect(status().isForbidden());
    postJson("{\"stage\":\"KP\",\"name\":\"x\",\"text\":\"t\"}", user("petrov").roles("MANAGERS"), 403);
  }

  @Test
  @DisplayName("SWA-API-1")
  void theApiTakesExactlyTheIssuesFields_andIsInTheOpenApi() throws Exception {
    String file = Base64.getEncoder().encodeToString("%PDF-1.4 КП".getBytes());
    String created = postJson("""
        {"stage":"KP","name":"Напоминание о КП","enabled":true,"delay":"PT2H","workingHoursOnly":true,"recheckStage":true,
         "service":null,"channel":null,"recipients":"MAIN_CONTACT","text":"Здравствуйте, {Имя клиента}! {Ссылка на сделку}",
         "attachments":[{"fileName":"kp.pdf","contentType":"application/pdf","contentBase64":"%s"},{"documentKind":"KP"}]}"""
        .formatted(file), AS_ROP, 201);
    assertThat(created).contains("\"delay\":\"PT2H\"", "\"workingHoursOnly\":true", "\"recheckStage\":true",
        "\"fileName\":\"kp.pdf\"", "\"documentKind\":\"KP\"");
    mvc.perform(get("/api/stage-actions?stage=KP").with(AS_ROP)).andExpect(status().isOk())
        .andExpect(content().string(containsString("Напоминание о КП")));
    mvc.perform(get("/v3/api-docs").with(AS_ROP)).andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("/api/stage-actions"), containsString("workingHoursOnly"),
            containsString("recheckStage"), containsString("recipients"))));
  }

  @Test
  @DisplayName("SWA-DEFAULT-1")
  void theFunnelsTwoMessagesAreDefaultStageActions() {
    assertThat(actions.ofStage(DealStage.IN_WORK)).anySatisfy(a -> {
      assertThat(a.getName()).isEqualTo("Сообщение о взятии заявки в работу");
      assertThat(a.getBody()).contains("{Ответственный}");
    });
    assertThat(actions.ofStage(DealStage.WON)).anyMatch(a -> a.getName().equals("Запрос отзыва"));
  }

  @Test
  @DisplayName("SWA-PARAM-1")
  void everyParameterRendersTheDealsValue() {
    new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(tx -> everyParameter());
  }

  void everyParameter() {
    Deal meter = deal("Узел учёта тепла");
    String all = java.util.Arrays.stream(MessageParameters.Parameter.values()).map(p -> p.title() + "=" + p.token())
        .reduce((a, b) -> a + "\n" + b).orElseThrow();
    String text = parameters.render(all, meter);
    assertThat(text).contains("Имя клиента=ООО «Уралмет»", "Регион клиента=Екатеринбург", "Имя основного контакта=Соколов Андрей",
        "Телефон основного контакта=+7 912 600-70-80", "Ссылка на сделку=http", "/deals/" + meter.getId(),
        "Номер сделки=" + meter.getId(), "Ответственный=" + meter.getResponsible().getFullName(),
        "Название этапа=" + meter.getStage().title()).doesNotContain("{");
  }

  @Test
  @DisplayName("SWA-PARAM-2")
  void aMissingValueRendersEmpty_neverAsATemplateError() {
    Deal bare = new Deal("Без клиента", Funnel.SALES, null);
    assertThat(parameters.render("Клиент: {Имя клиента}; регион: {Регион клиента}; email: {Email основного контакта}; "
        + "предыдущий: {Предыдущий ответственный}; задача: {Дата и время задачи}.", bare))
        .isEqualTo("Клиент: ; регион: ; email: ; предыдущий: ; задача: .");
  }

  @Test
  @DisplayName("SWA-LOG-1")
  void aRunSendsOnceThroughTheOutbox_theChatShowsIt_andTheLogSaysОтправлено() {
    Deal meter = deal("Узел учёта тепла");
    StageAction action = action(meter.getStage(), "PT0S", true, "Здравствуйте, {Имя основного контакта}!");
    Instant entered = TestClock.INSTANCE.instant().truncatedTo(ChronoUnit.MILLIS);
    assertThat(runs.start(meter.getId(), meter.getStage(), entered)).isGreaterThanOrEqualTo(1);
    assertThat(runs.start(meter.getId(), meter.getStage(), entered)).as("the same entry delivered again").isZero();
    String key = StageActionRuns.runKey(meter.getId(), meter.getStage(), entered, action.getId());

    runDueJobs(instanceOf(key));

    String cause = StageActionRuns.cause(key, "+79126007080");
    Long message = jdbc.queryForObject("select id from chat_message where idempotency_key = ?", Long.class, cause);
    String sending = runtime.createProcessInstanceQuery().processDefinitionKey("sendClientMessage")
        .variableValueEquals("messageId", message).singleResult().getId();
    runDueJobs(sending);
    assertThat(jdbc.queryForObject("select status from chat_message where id = ?", String.class, message)).isEqualTo("SENT");
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> history(meter.getId()).contains(
        "«" + action.getName() + "»: Отправлено на +7 912 600-70-80"));
    assertThat(jdbc.queryForObject("select status from stage_action_run where run_key = ?", String.class, key)).isEqualTo("SENT");
  }

  @Test
  @DisplayName("SWA-TEMPLATE-1")
  void anActionNamingAnApprovedTemplateSendsAsThatTemplate_withTheDealsValuesAsItsParameters() throws Exception {
    Deal meter = deal("Узел учёта тепла");
    String created = postJson("""
        {"stage":"%s","name":"Шаблон вне окна","enabled":true,"delay":"PT0S","recipients":"MAIN_CONTACT","text":"",
         "attachments":[],"template":{"name":"order_reminder","language":"ru","parameters":["{Имя основного контакта}","КП"]}}"""
        .formatted(meter.getStage().name()), AS_ROP, 201);
    assertThat(created).contains("\"template\":{\"name\":\"order_reminder\",\"language\":\"ru\"");
    postJson("""
        {"stage":"KP","name":"Плохой шаблон","delay":"PT0S","text":"","template":{"name":"x","parameters":["{Имя клента}"]}}""",
        AS_ROP, 400);
    StageAction action = actions.ofStage(meter.getStage()).stream().filter(a -> a.getName().equals("Шаблон вне окна"))
        .findFirst().orElseThrow();
    Instant entered = TestClock.INSTANCE.instant().truncatedTo(ChronoUnit.MILLIS);
    runs.start(meter.getId(), meter.getStage(), entered);
    String key = StageActionRuns.runKey(meter.getId(), meter.getStage(), entered, action.getId());

    runDueJobs(instanceOf(key));

    var stored = jdbc.queryForMap("select body, template_name, template_language, template_parameters from chat_message"
        + " where idempotency_key = ?", StageActionRuns.cause(key, "+79126007080"));
    assertThat(stored.get("template_name")).isEqualTo("order_reminder");
    assertThat(stored.get("template_language")).isEqualTo("ru");
    assertThat((String) stored.get("template_parameters")).endsWith("\nКП").doesNotContain("{");
    assertThat(stored.get("body")).as("the simulator lists no templates: the chat names it").isEqualTo("Шаблон WhatsApp «order_reminder»");
    mvc.perform(get("/settings/automations/" + action.getId()).with(AS_ROP)).andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("order_reminder|ru (нет среди одобренных)"),
            containsString("{Имя основного контакта}\nКП"))));
    actions.delete(ROP, action.getId());
  }

  @Test
  @DisplayName("SWA-RECHECK-2")
  void theRecheckAtRunTimeFindsTheDealElsewhere_nothingIsSent_andTheLogSaysWhy() {
    Deal meter = deal("Узел учёта тепла");
    DealStage elsewhere = meter.getStage() == DealStage.KP ? DealStage.INVOICE : DealStage.KP;
    StageAction action = action(elsewhere, "PT1H", true, "Не должно уйти");
    Instant entered = TestClock.INSTANCE.instant();
    runs.start(meter.getId(), elsewhere, entered);
    String key = StageActionRuns.runKey(meter.getId(), elsewhere, entered, action.getId());

    TestClock.INSTANCE.advance(Duration.ofHours(1).plusSeconds(5));
    runDueJobs(instanceOf(key));

    assertThat(history(meter.getId())).contains("«" + action.getName() + "»: Пропущено: сделка на стадии «" + meter.getStage().title() + "»");
    assertThat(jdbc.queryForObject("select count(*) from chat_message where idempotency_key like ?", Long.class,
        StageActionRuns.CAUSE + key + "%")).isZero();
  }

  @Test
  @DisplayName("SWA-RECHECK-4")
  void withoutTheRecheckADelayedRunStillSendsAfterTheDealMovedOn() {
    Deal meter = deal("Узел учёта тепла");
    DealStage elsewhere = meter.getStage() == DealStage.KP ? DealStage.INVOICE : DealStage.KP;
    StageAction action = action(elsewhere, "PT1H", false, "Уйдёт и так");
    Instant entered = TestClock.INSTANCE.instant();
    runs.start(meter.getId(), elsewhere, entered);
    String key = StageActionRuns.runKey(meter.getId(), elsewhere, entered, action.getId());
    runs.left(meter.getId(), elsewhere, meter.getStage());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceOf(key)).count()).as("not cancelled").isEqualTo(1);

    TestClock.INSTANCE.advance(Duration.ofHours(1).plusSeconds(5));
    runDueJobs(instanceOf(key));
    assertThat(jdbc.queryForObject("select count(*) from chat_message where idempotency_key like ?", Long.class,
        StageActionRuns.CAUSE + key + "%")).isEqualTo(1);
  }

  @Test
  @DisplayName("SWA-RECHECK-3")
  void leavingTheStageCancelsAWaitingRechecking_run_andTheLogSaysWhereTheDealWent() {
    Deal meter = deal("Узел учёта тепла");
    StageAction action = action(DealStage.LAUNCH, "P1D", true, "Через день");
    Instant entered = TestClock.INSTANCE.instant();
    runs.start(meter.getId(), DealStage.LAUNCH, entered);
    String key = StageActionRuns.runKey(meter.getId(), DealStage.LAUNCH, entered, action.getId());

    runs.left(meter.getId(), DealStage.LAUNCH, DealStage.ACCEPTED);

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceOf(key)).count()).isZero();
    assertThat(history(meter.getId())).contains("«" + action.getName() + "»: Пропущено: сделка на стадии «Принят»");
  }

  @Test
  @DisplayName("SWA-EDIT-1")
  void changingTheDelayMovesTheTimersOfRunsNotYetFired_switchingOffSkipsThem() {
    Deal meter = deal("Узел учёта тепла");
    StageAction action = action(DealStage.TO_SHIP, "PT1H", false, "Было");
    Instant entered = TestClock.INSTANCE.instant().truncatedTo(ChronoUnit.SECONDS);
    runs.start(meter.getId(), DealStage.TO_SHIP, entered);
    String key = StageActionRuns.runKey(meter.getId(), DealStage.TO_SHIP, entered, action.getId());

    actions.update(ROP, action.getId(), new StageActionForm("TO_SHIP", action.getName(), true, "PT3H", false, false, null, null,
        "MAIN_CONTACT", "Стало", null));
    Job timer = management.createJobQuery().processInstanceId(instanceOf(key)).timers().singleResult();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(entered.plus(Duration.ofHours(3)));

    actions.switchOn(ROP, action.getId(), false);
    TestClock.INSTANCE.moveTo(entered.plus(Duration.ofHours(3)).plusSeconds(5));
    runDueJobs(instanceOf(key));
    assertThat(history(meter.getId())).contains("«" + action.getName() + "»: Пропущено: действие выключено");
  }

  @Test
  @DisplayName("SWA-UI-1")
  void theSettingsPageListsEveryStageWithItsActions_forTheLeadsOfSalesOnly() throws Exception {
    mvc.perform(get("/settings/automations").with(AS_ROP)).andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Продажа: Взят в работу"), containsString("Сообщение о взятии заявки в работу"),
            containsString("Запрос отзыва"), containsString("Инженеры: Новая"), containsString("Добавить действие"))));
    mvc.perform(get("/settings/automations").with(user("petrov").roles("MANAGERS"))).andExpect(status().isForbidden());
  }

  @Test
  @DisplayName("SWA-UI-2")
  void theFormOffersParametersFromAListAndOnlyServicesThatCanSend() throws Exception {
    mvc.perform(get("/settings/automations/new?stage=KP").with(AS_ROP)).andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Отправить сообщение в WhatsApp"), containsString("С задержкой"),
            containsString("{Имя клиента}"), containsString("{Ссылка на сделку}"), containsString("Дата и время задачи"),
            containsString("value=\"sim\""), containsString("На все контакты и номера"), containsString("Отправить тестовое сообщение"))));
  }

  @Test
  @DisplayName("SWA-UI-3")
  void aRefusedFormComesBackWithWhatWasTyped_andAGoodOneIsSavedWithItsDelay() throws Exception {
    mvc.perform(post("/settings/automations/save").with(AS_ROP).with(csrf()).param("stage", "KP").param("name", "")
        .param("when", "DELAY").param("delayAmount", "2").param("delayUnit", "HOURS").param("text", "Текст, который нельзя потерять"))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Введите название действия"), containsString("Текст, который нельзя потерять"))));
    mvc.perform(post("/settings/automations/save").with(AS_ROP).with(csrf()).param("stage", "KP").param("name", "Через 2 часа на КП")
        .param("enabled", "true").param("when", "DELAY").param("delayAmount", "2").param("delayUnit", "HOURS")
        .param("recheckStage", "true").param("recipients", "MAIN_CONTACT").param("text", "{Имя клиента}, {Ссылка на сделку}"))
        .andExpect(status().is3xxRedirection());
    assertThat(actions.ofStage(DealStage.KP)).anySatisfy(a -> {
      assertThat(a.getName()).isEqualTo("Через 2 часа на КП");
      assertThat(a.getDelay()).isEqualTo(Duration.ofHours(2));
      assertThat(a.isRecheckStage()).isTrue();
    });
  }

  @Test
  @DisplayName("SWA-UI-4")
  void thePreviewRendersTheTextWithARealDeal() throws Exception {
    Deal meter = deal("Узел учёта тепла");
    mvc.perform(post("/settings/automations/preview").with(AS_ROP).with(csrf()).param("stage", "KP").param("name", "x")
        .param("recipients", "MAIN_CONTACT").param("text", "Здравствуйте, {Имя основного контакта} из {Имя клиента}!")
        .param("dealId", String.valueOf(meter.getId())))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Здравствуйте, Соколов Андрей из ООО «Уралмет»!"),
            containsString("+7 912 600-70-80"))));
  }

  @Test
  @DisplayName("SWA-UI-5")
  void aTestMessageGoesToTheTypedNumber_aNumberThatIsNoneIsRefused() throws Exception {
    mvc.perform(post("/settings/automations/test").with(AS_ROP).with(csrf()).param("stage", "KP").param("name", "x")
        .param("text", "Проверка").param("testPhone", "+7 999 123-45-67"))
        .andExpect(status().isOk()).andExpect(content().string(containsString("Тестовое сообщение отправлено на +7 999 123-45-67")));
    mvc.perform(post("/settings/automations/test").with(AS_ROP).with(csrf()).param("stage", "KP").param("name", "x")
        .param("text", "Проверка").param("testPhone", "не номер"))
        .andExpect(status().isOk()).andExpect(content().string(containsString("Введите номер телефона")));
  }

  String firedRun(Deal deal, DealStage stage, StageAction action) {
    Instant entered = TestClock.INSTANCE.instant();
    runs.start(deal.getId(), stage, entered);
    String key = StageActionRuns.runKey(deal.getId(), stage, entered, action.getId());
    runDueJobs(instanceOf(key));
    return key;
  }

  @Test
  @DisplayName("SWA-CLOSED-1")
  void aDealLostMeanwhile_getsNothingFromAnActionWithoutTheRecheck_andTheLogSaysWhy() {
    Deal lost = deal("Шкаф управления насосами");
    StageAction action = action(DealStage.KP, "PT0S", false, "Не должно уйти");
    String key = firedRun(lost, DealStage.KP, action);
    assertThat(history(lost.getId())).contains("«" + action.getName() + "»: Пропущено: сделка закрыта («Сделка провалена»)");
    assertThat(jdbc.queryForObject("select count(*) from chat_message where idempotency_key like ?", Long.class,
        StageActionRuns.CAUSE + key + "%")).isZero();
  }

  @Test
  @DisplayName("SWA-DELETED-1")
  void anActionDeletedBeforeItsRunFires_isSkipped_andTheLogSaysSo() {
    Deal meter = deal("Узел учёта тепла");
    StageAction action = action(DealStage.SHIPPED, "PT30M", false, "Удалят");
    Instant entered = TestClock.INSTANCE.instant();
    runs.start(meter.getId(), DealStage.SHIPPED, entered);
    String key = StageActionRuns.runKey(meter.getId(), DealStage.SHIPPED, entered, action.getId());
    actions.delete(ROP, action.getId());
    TestClock.INSTANCE.advance(Duration.ofMinutes(31));
    runDueJobs(instanceOf(key));
    assertThat(history(meter.getId())).contains("«" + action.getName() + "»: Пропущено: действие удалено");
  }

  @Test
  @DisplayName("SWA-FILE-1")
  void theActionsFilesGoWithTheMessage() {
    Deal meter = deal("Узел учёта тепла");
    StageAction action = actions.create(ROP, new StageActionForm(meter.getStage().name(), "С файлом " + System.nanoTime(), true,
        "PT0S", false, false, null, null, "MAIN_CONTACT", "КП во вложении", List.of(new StageActionForm.Attachment(null, "КП.pdf",
        "application/pdf", Base64.getEncoder().encodeToString("%PDF-1.4".getBytes()), null))));
    String key = firedRun(meter, meter.getStage(), action);
    assertThat(jdbc.queryForList("""
        select a.file_name from chat_attachment a join chat_message m on m.id = a.message_id where m.idempotency_key like ?""",
        String.class, StageActionRuns.CAUSE + key + "%")).containsExactly("КП.pdf");
  }

  @Test
  @DisplayName("SWA-DOC-1")
  void aDocumentKindTheDealHasNoDocumentOf_isNamedInTheLog_andTheTextGoesWithoutIt() {
    Deal meter = deal("Узел учёта тепла");
    StageAction action = actions.create(ROP, new StageActionForm(meter.getStage().name(), "С КП " + System.nanoTime(), true,
        "PT0S", false, false, null, null, "MAIN_CONTACT", "Ваше УПД", List.of(new StageActionForm.Attachment(null, null, null, null, "UPD"))));
    String key = firedRun(meter, meter.getStage(), action); // a deal at «Договор» has no УПД yet
    assertThat(history(meter.getId())).contains("«" + action.getName() + "»: документов UPD у сделки нет — отправлено без них");
    assertThat(jdbc.queryForObject("select count(*) from chat_message where idempotency_key like ?", Long.class,
        StageActionRuns.CAUSE + key + "%")).isEqualTo(1);
  }

  @Test
  @DisplayName("SWA-ONCE-3")
  void aRetriedSendJobQueuesNothingNew() {
    Deal meter = deal("Узел учёта тепла");
    StageAction action = action(meter.getStage(), "PT0S", false, "Один раз");
    String key = firedRun(meter, meter.getStage(), action);
    runs.send(key, meter.getId(), action.getId()); // the job again, after a crash behind the commit
    assertThat(jdbc.queryForObject("select count(*) from chat_message where idempotency_key like ?", Long.class,
        StageActionRuns.CAUSE + key + "%")).isEqualTo(1);
  }
}
