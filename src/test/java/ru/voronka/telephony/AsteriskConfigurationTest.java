package ru.voronka.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import ru.voronka.support.TestClock;

/**
 * Issue 18 (1, 2, 3, 8): the Asterisk configuration in docs/asterisk — the one the README shows — is
 * the tested one. The dialplan reads only variables Asterisk, Voronka (asked over a real FastAGI
 * socket) or the dialplan itself set; it records under the call's Linkedid, the name Voronka links
 * recordings by; walked as Asterisk runs it, it never hangs up on a caller when Voronka does not
 * answer; every trunk the routing names is a PJSIP endpoint; every desk is in the fallback queue;
 * the modules it needs are required; manager.conf grants what Voronka sends and reads.
 */
class AsteriskConfigurationTest {

  static CallRouting routing = mock(CallRouting.class);
  static FastAgiServer agi;
  static int agiPort;

  @BeforeAll
  static void voronkasFastAgi() throws Exception {
    try (ServerSocket probe = new ServerSocket(0)) {
      agiPort = probe.getLocalPort();
    }
    agi = new FastAgiServer(agiPort, new RouteCallAgi(routing, mock(CallJournal.class)));
    agi.start();
    Awaitility.await().ignoreExceptions().until(() -> new java.net.Socket("127.0.0.1", agiPort).isConnected());
  }

  @AfterAll
  static void stop() {
    agi.stop();
  }

  /** What Voronka's FastAGI really sets for a call whose route is {@code targets}: the SET VARIABLE commands. */
  static Map<String, String> voronkaAnswers(List<CallRouting.Target> targets) throws IOException {
    when(routing.route(anyString())).thenReturn(new CallRouting.Route(targets, 15, "RANKING"));
    Map<String, String> set = new LinkedHashMap<>();
    for (String command : FastAgiClient.call(agiPort, "route", "79126007080", "1763890000.12")) {
      Matcher m = Pattern.compile("SET VARIABLE \"([^\"]+)\" \"([^\"]*)\"").matcher(command);
      if (m.matches()) {
        set.put(m.group(1), m.group(2));
      }
    }
    set.put("AGISTATUS", "SUCCESS"); // res_agi: the script ran
    return set;
  }

  /** Asterisk's own channel variables the dialplan may read, and who sets them (Asterisk 22's documentation). */
  static final Map<String, String> ASTERISK_SETS = Map.of(
      "AGISTATUS", "res_agi (SUCCESS, FAILURE, NOTFOUND, HANGUP)", "DIALSTATUS", "app_dial", "QUEUESTATUS", "app_queue",
      "VMSTATUS", "app_voicemail", "EXTEN", "the PBX core", "CONTEXT", "the PBX core");

  /** The functions the dialplan may call, and the module of each (checked against modules.conf below). */
  static final Map<String, String> FUNCTIONS = Map.of("CHANNEL", "func_channel.so", "SHIFT", "func_strings.so",
      "LEN", "func_strings.so", "CALLERID", "func_callerid.so");

  /** The applications the dialplan may run, and their modules (the core's need none). */
  static final Map<String, String> APPLICATIONS = Map.of("Dial", "app_dial.so", "AGI", "res_agi.so", "MixMonitor",
      "app_mixmonitor.so", "Queue", "app_queue.so", "VoiceMail", "app_voicemail.so", "GotoIf", "", "Goto", "", "Set", "",
      "Hangup", "");

  @Test
  void everyVariableTheDialplanReadsIsSetByAsteriskByVoronkaOrByTheDialplan() throws IOException {
    Dialplan plan = Dialplan.read();
    Set<String> voronka = voronkaAnswers(List.of(new CallRouting.Target("PJSIP/101", "101", "petrov", "Петров"))).keySet();
    assertThat(voronka).contains("VORONKA_TARGETS", "VORONKA_RING");
    List<String> unknown = new ArrayList<>();
    for (String read : plan.reads) {
      Matcher function = Pattern.compile("(\\w+)\\((.*)\\)").matcher(read);
      if (function.matches()) {
        if (!FUNCTIONS.containsKey(function.group(1))) {
          unknown.add(read + " (no such function here)");
        } else if (function.group(1).equals("SHIFT") && !voronka.contains(function.group(2)) && !plan.sets.contains(function.group(2))) {
          unknown.add(read + " (shifts a variable nobody sets)");
        } else if (function.group(1).equals("CHANNEL") && !Set.of("linkedid", "uniqueid").contains(function.group(2))) {
          unknown.add(read + " (not a CHANNEL item Voronka knows)");
        }
        continue;
      }
      if (!ASTERISK_SETS.containsKey(read) && !voronka.contains(read) && !plan.sets.contains(read)) {
        unknown.add(read);
      }
    }
    assertThat(unknown).as("variables nobody sets (Asterisk has no LINKEDID: ${CHANNEL(linkedid)} is the value)").isEmpty();
    assertThat(plan.steps("from-trunk").stream().map(Dialplan.Step::app)).allMatch(APPLICATIONS::containsKey);
  }

  @Test
  void callsAreRecordedUnderTheirLinkedid_theNameVoronkaLinksRecordingsBy() throws IOException {
    Dialplan plan = Dialplan.read();
    for (String context : List.of("from-trunk", "from-voronka")) {
      assertThat(plan.steps(context).stream().filter(s -> s.app().equals("MixMonitor")).map(Dialplan.Step::args))
          .as(context).containsExactly("${CHANNEL(linkedid)}.wav");
    }
    // the README's example of VORONKA_RECORDINGS_URL serves <linkedid>.wav, and Voronka fills in the call's key there
    assertThat(readme()).contains("VORONKA_RECORDINGS_URL").containsPattern("https://[^`]+/\\{linkedid\\}\\.wav");
  }

  @Test
  void voronkasOrderIsRungInTurn_thenVoicemail() throws IOException {
    Dialplan plan = Dialplan.read();
    Map<String, String> answer = voronkaAnswers(List.of(new CallRouting.Target("PJSIP/101", "101", "petrov", "Петров"),
        new CallRouting.Target("PJSIP/79161002001@gsm-mts", null, "petrov", "Петров, мобильный")));
    List<String> dialled = new ArrayList<>();
    List<String> trace = plan.walk("from-trunk", "74956498447", client(), world(answer, dialled, "NOANSWER", false));
    assertThat(dialled).containsExactly("PJSIP/101", "PJSIP/79161002001@gsm-mts");
    assertThat(trace).contains("Dial(PJSIP/101,15,tT)").last().asString().startsWith("Hangup");
    assertThat(trace).anyMatch(s -> s.startsWith("VoiceMail(8000@voronka"));

    List<String> answered = plan.walk("from-trunk", "74956498447", client(), world(answer, new ArrayList<>(), "ANSWER", false));
    assertThat(answered).last().isEqualTo("Dial(PJSIP/101,15,tT)"); // the talk, then the end: no voicemail
  }

  /** Issue 18 (2): with Voronka unreachable AGISTATUS is FAILURE and nothing is set — every desk, then voicemail. */
  @Test
  void whenVoronkaDoesNotAnswerEveryDeskRings_thenVoicemail_andNobodyIsHungUpOn() throws IOException {
    Dialplan plan = Dialplan.read();
    for (Map<String, String> failure : List.of(Map.of("AGISTATUS", "FAILURE"), Map.of("AGISTATUS", "HANGUP"),
        voronkaAnswers(List.of()))) { // FastAGI down; the script gone mid-way; nobody to ring
      List<String> trace = plan.walk("from-trunk", "74956498447", client(), world(failure, new ArrayList<>(), "NOANSWER", false));
      assertThat(trace).as(failure.toString()).containsSubsequence("Queue(voronka-desks,tT,,,60)", "VoiceMail(8000@voronka,u)",
          "Hangup()");
      assertThat(trace.stream().filter(s -> s.startsWith("Hangup")).count()).isEqualTo(1);
      List<String> answered = plan.walk("from-trunk", "74956498447", client(), world(failure, new ArrayList<>(), "NOANSWER", true));
      assertThat(answered).last().isEqualTo("Queue(voronka-desks,tT,,,60)");
    }
  }

  @Test
  void clickToCallDialsTheClientThroughTheCityLine_andATransferRingsTheDesk() throws IOException {
    Dialplan plan = Dialplan.read();
    List<String> dialled = new ArrayList<>();
    plan.walk("from-voronka", "79126007080", client(), world(Map.of(), dialled, "ANSWER", false));
    plan.walk("from-voronka", "102", client(), world(Map.of(), dialled, "NOANSWER", false));
    assertThat(dialled).containsExactly("PJSIP/79126007080@trunk", "PJSIP/102");
    // the desk a transfer rang did not answer: the client leaves a message instead of silence
    assertThat(plan.walk("from-voronka", "102", client(), world(Map.of(), new ArrayList<>(), "NOANSWER", false)))
        .anyMatch(s -> s.startsWith("VoiceMail("));
    assertThat(plan.walk("from-desks", "89126007080", client(), world(Map.of(), dialled, "ANSWER", false)))
        .contains("Dial(PJSIP/89126007080@trunk,60,tT)");
  }

  /** Issue 18 (8): every trunk Voronka's routing dials — per carrier, the default, the city line — is defined. */
  @Test
  void everyTrunkTheRoutingNamesIsAPjsipEndpoint_andEveryEndpointsContextExists() throws IOException {
    AsteriskConf pjsip = AsteriskConf.read("pjsip.conf");
    Set<String> endpoints = pjsip.ofType("endpoint").stream().map(AsteriskConf.Section::name).collect(Collectors.toSet());
    Set<String> aors = pjsip.ofType("aor").stream().map(AsteriskConf.Section::name).collect(Collectors.toSet());
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yml"));
    Set<String> trunks = new TreeSet<>();
    yaml.getObject().forEach((key, value) -> {
      if (key.toString().startsWith("voronka.telephony.trunks")) {
        trunks.add(value.toString());
      }
    });
    assertThat(trunks).contains("gsm-mts", "gsm-megafon", "gsm-beeline");
    trunks.add(new TelephonyProperties(null, null, null, null, null, null, null, null, null).defaultTrunk());
    trunks.add(Dialplan.read().globals.get("VORONKA_TRUNK"));
    assertThat(endpoints).containsAll(trunks);
    assertThat(aors).containsAll(trunks);
    Set<String> contexts = Dialplan.read().contexts();
    pjsip.ofType("endpoint").forEach(e -> assertThat(contexts).as(e.name()).contains(e.value("context").orElseThrow()));
  }

  @Test
  void everyDeskIsInTheFallbackQueue() throws IOException {
    Set<String> desks = AsteriskConf.read("pjsip.conf").ofType("endpoint").stream().filter(e -> e.templates().contains("desk"))
        .map(e -> "PJSIP/" + e.name()).collect(Collectors.toSet());
    assertThat(desks).hasSizeGreaterThan(1);
    AsteriskConf.Section queue = AsteriskConf.read("queues.conf").named("voronka-desks").get(0);
    assertThat(queue.value("strategy")).contains("ringall");
    assertThat(queue.values("member")).containsExactlyInAnyOrderElementsOf(desks);
    assertThat(Dialplan.read().globals).containsEntry("VORONKA_FALLBACK_QUEUE", "voronka-desks")
        .containsEntry("VORONKA_MAILBOX", "8000@voronka");
    assertThat(AsteriskConf.read("voicemail.conf").named("voronka").get(0).values("8000")).hasSize(1);
  }

  @Test
  void everyApplicationFunctionAndAmiFeatureComesFromARequiredModule() throws IOException {
    Set<String> required = AsteriskConf.read("modules.conf").named("modules").get(0).values("require").stream()
        .collect(Collectors.toSet());
    Dialplan plan = Dialplan.read();
    plan.contexts().forEach(c -> plan.steps(c).forEach(step -> {
      assertThat(APPLICATIONS).as(step.app()).containsKey(step.app());
      String module = APPLICATIONS.get(step.app());
      assertThat(module.isEmpty() || required.contains(module)).as(step.app() + " needs " + module).isTrue();
    }));
    plan.reads.stream().map(r -> r.contains("(") ? r.substring(0, r.indexOf('(')) : null).filter(java.util.Objects::nonNull)
        .forEach(f -> assertThat(required).as(f).contains(FUNCTIONS.get(f)));
    assertThat(required).contains("res_manager_devicestate.so", // DeviceStateChange and DeviceStateList (issue 18, 5)
        "app_chanspy.so", // the РОП's listen, whisper, barge: Originate(Application: ChanSpy)
        "cdr_pgsql.so", "chan_pjsip.so", "pbx_config.so");
    assertThat(AsteriskConf.read("cdr.conf").named("general").get(0).value("unanswered")).contains("yes");
    AsteriskConf.Section pgsql = AsteriskConf.read("cdr_pgsql.conf").named("global").get(0);
    assertThat(pgsql.value("table")).contains("asterisk_cdr");
    String migration = new String(new ClassPathResource("db/migration/V15__asterisk_cdr.sql").getInputStream().readAllBytes(),
        StandardCharsets.UTF_8);
    for (String column : List.of("linkedid", "channel", "dstchannel", "lastapp", "lastdata", "src", "dst", "disposition",
        "\"start\"", "\"answer\"", "\"end\"")) { // what CdrTable reads; cdr_pgsql fills columns named after CDR variables
      assertThat(migration).contains("  " + column + " ");
    }
  }

  /** The write class each AMI action needs (Asterisk 22: main/manager.c, res_manager_devicestate.c); any one suffices. */
  static final Map<String, Set<String>> ACTION_CLASSES = Map.of("originate", Set.of("originate"), "redirect", Set.of("call"),
      "hangup", Set.of("system", "call"), "filter", Set.of("system"), "coreshowchannels", Set.of("system", "reporting"),
      "coresettings", Set.of("system", "reporting"), "devicestatelist", Set.of("call", "reporting"));

  /** The read class of each event Voronka filters for (an event reaches a session only if it may read its class). */
  static final Map<String, String> EVENT_CLASSES = Map.of("Newchannel", "call", "DialBegin", "call", "DialEnd", "call",
      "Hangup", "call", "BlindTransfer", "call", "AttendedTransfer", "call", "DeviceStateChange", "call", "OriginateResponse", "call",
      "MIXMONITOR_FILENAME", "dialplan");

  @Test
  void managerConfGrantsEveryActionVoronkaSends_andEveryEventItReads() throws Exception {
    AsteriskConf.Section voronka = AsteriskConf.read("manager.conf").named("voronka").get(0);
    Set<String> write = Set.of(voronka.value("write").orElseThrow().split("\\s*,\\s*"));
    Set<String> read = Set.of(voronka.value("read").orElseThrow().split("\\s*,\\s*"));
    assertThat(voronka.values("deny")).isNotEmpty();
    assertThat(voronka.values("permit")).isNotEmpty();

    Set<String> sent = actionsVoronkaSends();
    assertThat(sent).contains("originate", "redirect", "hangup", "filter", "coreshowchannels", "devicestatelist");
    for (String action : sent) {
      assertThat(ACTION_CLASSES).as(action).containsKey(action);
      assertThat(ACTION_CLASSES.get(action)).as(action + " with write = " + write).containsAnyElementsOf(write);
    }
    for (String filter : AsteriskPbx.FILTERS) {
      String event = filter.substring(filter.indexOf(':') + 1).strip();
      assertThat(EVENT_CLASSES).as(filter).containsKey(event);
      assertThat(read).as(filter).contains(EVENT_CLASSES.get(event));
    }
  }

  /** Every action the adapter sends in a working day: login's own, a click-to-call, a pass, a transfer, listen-in. */
  private static Set<String> actionsVoronkaSends() throws Exception {
    try (AmiPeer peer = new AmiPeer("voronka", "ami-secret")) {
      CallJournal journal = mock(CallJournal.class);
      AsteriskPbx pbx = new AsteriskPbx(new TelephonyProperties("asterisk",
          new TelephonyProperties.Ami("127.0.0.1", peer.port(), "voronka", "ami-secret"), null, null, null, null, null, null, null),
          journal, Set.of("100", "101", "102")::contains, desk -> java.util.Optional.of("user" + desk),
          new AmiOwnership(null, null, null), (from, also) -> List.of(), TestClock.INSTANCE);
      pbx.start();
      try {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(pbx::isConnected);
        peer.awaitAction("CoreShowChannels", 5, TimeUnit.SECONDS);
        String call = "1763890000.12";
        peer.emitAll(AsteriskEvents.incomingRinging("79126007080", "101", call));
        Awaitility.await().atMost(Duration.ofSeconds(3)).ignoreExceptions().untilAsserted(() -> pbx.pass(call));
        pbx.redirect(call, "102");
        pbx.spy("100", call, Pbx.SpyMode.BARGE);
        pbx.originate("101", "+79126007080");
        return peer.actions().stream().map(a -> a.get("Action").toLowerCase()).collect(Collectors.toSet());
      } finally {
        pbx.stop();
      }
    }
  }

  /** Issue 18 (3): the README's Asterisk configuration is the files tested here, word for word. */
  @Test
  void theReadmesAsteriskConfigurationIsTheTestedOne() throws IOException {
    String readme = readme();
    assertThat(readme).contains("docs/asterisk/");
    Matcher block = Pattern.compile("```ini\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    int blocks = 0;
    while (block.find()) {
      blocks++;
      String[] parts = block.group(1).strip().split("\\n(?=\\s*; [a-z_]+\\.conf)");
      for (String part : parts) {
        Matcher file = Pattern.compile("^\\s*; ([a-z_]+\\.conf)").matcher(part);
        assertThat(file.find()).as("each README excerpt starts «; <file>.conf»: " + part).isTrue();
        String content = Files.readString(AsteriskConf.DIR.resolve(file.group(1)), StandardCharsets.UTF_8);
        for (String line : part.substring(file.end()).split("\\n")) {
          if (!line.isBlank() && !line.strip().equals("…")) {
            assertThat(content).as(file.group(1) + " holds the README's line").contains(line.strip());
          }
        }
      }
    }
    assertThat(blocks).isPositive();
  }

  private static String readme() throws IOException {
    return Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
  }

  private static Map<String, String> client() {
    Map<String, String> channel = new HashMap<>();
    channel.put("CHANNEL(linkedid)", "1763890000.12");
    channel.put("CALLERID(num)", "79126007080");
    return channel;
  }

  private static Dialplan.World world(Map<String, String> agi, List<String> dialled, String dialStatus, boolean queueAnswers) {
    return new Dialplan.World() {
      @Override
      public Map<String, String> agi(String url) {
        assertThat(url).startsWith("agi://").endsWith("/" + RouteCallAgi.SCRIPT);
        return agi;
      }

      @Override
      public String dial(String target) {
        dialled.add(target);
        return dialStatus;
      }

      @Override
      public boolean queueAnswered(String queue) {
        return queueAnswers;
      }
    };
  }
}
