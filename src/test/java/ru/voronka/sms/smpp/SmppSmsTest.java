package ru.voronka.sms.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.SubmitSm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import ru.voronka.sms.SimCards;
import ru.voronka.sms.SmsPort.Sms;
import ru.voronka.sms.SmsPort.SmsNotSentException;
import ru.voronka.sms.SmsProperties.LongText;
import ru.voronka.sms.SmsProperties.Smpp;
import ru.voronka.sms.SmsReport;
import ru.voronka.sms.SmsReport.Outcome;
import ru.voronka.support.TestClock;

/**
 * The SMPP adapter against {@link SmscPeer}, an SMSC on a TCP socket that behaves like the gateways
 * Voronka meets: UCS-2 as they read it, long texts in parts, receipts whatever the id's spelling,
 * throttling, outages, a wrong password, late replies and a connection closed behind a reply — and
 * no SMS lost or sent twice.
 */
class SmppSmsTest {

  static final Map<String, String> SIMS = Map.of("МТС", "+79160000001", "МегаФон", "+79260000002");

  final BlockingQueue<SmsReport> reports = new LinkedBlockingQueue<>();
  final SmsDatabase database = new SmsDatabase();
  SmscPeer smsc;
  SmppSms sms;

  SmscPeer smsc() throws Exception {
    smsc = new SmscPeer(SmscPeer.freePort()).start();
    return smsc;
  }

  SmppSms gateway(int port, UnaryOperator<Smpp> tune) {
    Smpp smpp = tune.apply(Smpp.of("127.0.0.1", port, "voronka", "secret", "+79160000000", SIMS)
        .withTimeout(Duration.ofSeconds(2)).withReconnect(Duration.ofMillis(100), Duration.ofMillis(400)));
    sms = new SmppSms(smpp, SimCards.of(smpp.sims(), smpp.defaultSender()), database.dataSource, database.transactions,
        reports::add, TestClock.INSTANCE).start();
    return sms;
  }

  SmppSms bound(UnaryOperator<Smpp> tune) throws Exception {
    SmppSms gateway = gateway(smsc().port(), tune);
    await().atMost(Duration.ofSeconds(5)).until(gateway::isBound);
    return gateway;
  }

  SmppSms bound() throws Exception {
    return bound(UnaryOperator.identity());
  }

  @AfterEach
  void stop() throws Exception {
    if (sms != null) {
      sms.close();
    }
    if (smsc != null) {
      smsc.close();
    }
  }

  SubmitSm next() throws InterruptedException {
    SubmitSm submit = smsc.received.poll(5, TimeUnit.SECONDS);
    assertThat(submit).as("a submit_sm at the SMSC").isNotNull();
    return submit;
  }

  SmsReport report() throws InterruptedException {
    SmsReport report = reports.poll(8, TimeUnit.SECONDS);
    assertThat(report).as("a report of the SMS").isNotNull();
    return report;
  }

  // ---- the bind (finding 5) ----

  @Test
  void theBindIsUpAtStart_keptAliveByEnquireLink_andShownToAdministrators() throws Exception {
    SmppSms gateway = bound(s -> s.withEnquireLink(Duration.ofMillis(200)));
    assertThat(smsc.binds).hasValue(1); // before any SMS
    assertThat(gateway.state()).startsWith("SMPP-шлюз 127.0.0.1:" + smsc.port() + " (voronka): подключён с ");
    await().atMost(Duration.ofSeconds(5)).until(() -> smsc.enquireLinks.get() >= 2);
  }

  @Test
  void aDroppedBindIsReboundByItself_andAnUnansweredEnquireLinkCountsAsADrop() throws Exception {
    SmppSms gateway = bound(s -> s.withEnquireLink(Duration.ofMillis(300)).withTimeout(Duration.ofMillis(500)));
    smsc.stop();
    await().atMost(Duration.ofSeconds(5)).until(() -> !gateway.isBound());
    assertThat(gateway.state()).contains("нет связи с").contains("следующая попытка");
    smsc.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> gateway.isBound() && smsc.binds.get() == 2);

    smsc.enquireLinkDelay = Duration.ofSeconds(2); // the socket lives, the gateway no longer answers
    await().atMost(Duration.ofSeconds(8)).until(() -> smsc.binds.get() >= 3);
  }

  @Test
  void aGatewayThatIsDown_isARetryableRefusal_andTheBindComesUpWhenItIsBack() throws Exception {
    int port = SmscPeer.freePort();
    SmppSms gateway = gateway(port, UnaryOperator.identity());
    await().atMost(Duration.ofSeconds(5)).until(() -> gateway.state().contains("шлюз недоступен"));

    assertThatThrownBy(() -> gateway.send(new Sms("+79161002001", "Тест", "МТС", "outage-1")))
        .isInstanceOfSatisfying(SmsNotSentException.class, e -> assertThat(e.isRetryable()).isTrue())
        .hasMessageContaining("SMS-шлюз не подключён");

    smsc = new SmscPeer(port).start();
    await().atMost(Duration.ofSeconds(5)).until(gateway::isBound);
    gateway.send(new Sms("+79161002001", "Шлюз вернулся", "МТС", "outage-1"));
    assertThat(new String(next().getShortMessage(), StandardCharsets.UTF_16BE)).isEqualTo("Шлюз вернулся");
  }

  @Test
  void aWrongPasswordIsShown_andSmsWaitForTheBind() throws Exception {
    smsc().password = "changed";
    SmppSms gateway = gateway(smsc.port(), UnaryOperator.identity());
    await().atMost(Duration.ofSeconds(5)).until(() -> gateway.state().contains("шлюз не принял пароль"));
    assertThatThrownBy(() -> gateway.send(new Sms("+79161002001", "Тест", null, "password-1")))
        .isInstanceOfSatisfying(SmsNotSentException.class, e -> assertThat(e.isRetryable()).isTrue());

    smsc.password = "secret"; // the administrator fixed it on the gateway
    await().atMost(Duration.ofSeconds(5)).until(gateway::isBound);
    gateway.send(new Sms("+79161002001", "Тест", null, "password-1"));
    assertThat(smsc.received).hasSize(1);
  }

  // ---- UCS-2 and the SIM (findings 1 and 6) ----

  @Test
  void aCyrillicTextGoesOutInUcs2_dataCoding0x08_fromTheSimOfTheRecipientsCarrier() throws Exception {
    SmppSms gateway = bound();
    var receipt = gateway.send("8 (916) 100-20-01", "Счёт №7 — 1 500 ₽, ё", "МТС");

    SubmitSm submit = next();
    assertThat(submit.getDataCoding()).isEqualTo((byte) 0x08); // not 0x19: gateways test for 0x08
    assertThat(submit.getSourceAddr()).isEqualTo("79160000001");
    assertThat(submit.getDestAddress()).isEqualTo("79161002001");
    assertThat(new String(submit.getShortMessage(), StandardCharsets.UTF_16BE)).isEqualTo("Счёт №7 — 1 500 ₽, ё");
    assertThat(submit.getRegisteredDelivery()).isEqualTo((byte) 1);
    assertThat(receipt.id()).isEqualTo("47E276");
    assertThat(receipt.sender()).isEqualTo("+79160000001");

    gateway.send("+79031002003", "Для Билайна SIM нет", "Билайн");
    assertThat(next().getSourceAddr()).isEqualTo("79160000000");
    gateway.send("+79261002002", "Оператор по номеру", null); // МегаФон's range, nobody said so
    assertThat(next().getSourceAddr()).isEqualTo("79260000002");
  }

  @Test
  void anAlphanumericSenderGoesAsSuch() throws Exception {
    SmppSms gateway = bound();
    gateway.close();
    sms = new SmppSms(Smpp.of("127.0.0.1", smsc.port(), "voronka", "secret", "Voronka", Map.of()), SimCards.of(Map.of(), "Voronka"),
        database.dataSource, database.transactions, reports::add, TestClock.INSTANCE).start();
    await().atMost(Duration.ofSeconds(5)).until(sms::isBound);
    sms.send("+79161002001", "От имени компании", null);
    SubmitSm submit = next();
    assertThat(submit.getSourceAddr()).isEqualTo("Voronka");
    assertThat(submit.getSourceAddrTon()).isEqualTo((byte) 5);
  }

  // ---- long texts (finding 2) ----

  static final String LONG = "Просрочен транш по сделке №42: 30 % до 01.12.2026 не оплачен. Свяжитесь с клиентом и уточните "
      + "дату оплаты. Счёт продублирован на почту бухгалтерии, акт сверки приложен.";

  @Test
  void aLongTextGoesInPartsWithAConcatenationHeader_byDefault() throws Exception {
    bound().send(new Sms("+79161002001", LONG, "МТС", "long-udh"));

    List<SubmitSm> parts = List.of(next(), next(), next());
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    for (int i = 0; i < parts.size(); i++) {
      SubmitSm part = parts.get(i);
      byte[] message = part.getShortMessage();
      assertThat(part.getEsmClass() & 0x40).as("UDHI").isEqualTo(0x40);
      assertThat(part.getDataCoding()).isEqualTo((byte) 0x08);
      assertThat(message.length).isLessThanOrEqualTo(140);
      assertThat(Arrays.copyOf(message, 6)).isEqualTo(new byte[] {5, 0, 3, parts.get(0).getShortMessage()[3], 3, (byte) (i + 1)});
      text.write(message, 6, message.length - 6);
    }
    assertThat(text.toString(StandardCharsets.UTF_16BE)).isEqualTo(LONG);
    assertThat(smsc.received).isEmpty();
  }

  @Test
  void sarTlvsWhenTheGatewayWantsThem() throws Exception {
    bound(s -> s.withLongText(LongText.SAR)).send(new Sms("+79161002001", LONG, "МТС", "long-sar"));

    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 3; i++) {
      SubmitSm part = next();
      assertThat(part.getEsmClass()).isZero();
      assertThat(((OptionalParameter.Byte) part.getOptionalParameter(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS)).getValue())
          .isEqualTo((byte) 3);
      assertThat(((OptionalParameter.Byte) part.getOptionalParameter(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM)).getValue())
          .isEqualTo((byte) i);
      assertThat(part.getOptionalParameter(OptionalParameter.Tag.SAR_MSG_REF_NUM)).isNotNull();
      text.append(new String(part.getShortMessage(), StandardCharsets.UTF_16BE));
    }
    assertThat(text).hasToString(LONG);
  }

  @Test
  void messagePayloadWhenTheGatewaySplitsItself() throws Exception {
    bound(s -> s.withLongText(LongText.PAYLOAD)).send("+79161002001", LONG, "МТС");

    SubmitSm submit = next();
    assertThat(submit.getShortMessage()).isEmpty();
    OptionalParameter payload = submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
    assertThat(new String(((OptionalParameter.OctetString) payload).getValue(), StandardCharsets.UTF_16BE)).isEqualTo(LONG);
  }

  @Test
  void aPartTheGatewayTookIsNotSentAgain_whenALaterPartIsThrottled() throws Exception {
    SmppSms gateway = bound(s -> s.withTimeout(Duration.ofMillis(300)));
    smsc.maxPerSecond = 1; // the first part passes, the rest are throttled for this second
    assertThatThrownBy(() -> gateway.send(new Sms("+79161002001", LONG, "МТС", "long-throttled")))
        .isInstanceOfSatisfying(SmsNotSentException.class, e -> assertThat(e.isRetryable()).isTrue())
        .hasMessageContaining("0x58");
    smsc.maxPerSecond = 0;
    gateway.send(new Sms("+79161002001", LONG, "МТС", "long-throttled"));
    List<Integer> numbers = new ArrayList<>();
    while (!smsc.received.isEmpty()) {
      numbers.add((int) smsc.received.poll().getShortMessage()[5]);
    }
    assertThat(numbers).containsExactly(1, 2, 3);
  }

  // ---- receipts (finding 3) ----

  @ParameterizedTest(name = "receipt id {0}, {1}")
  @CsvSource({"AS_ANSWERED, TEXT", "DECIMAL, TEXT", "ZERO_PADDED, TEXT", "DECIMAL, TLV_ONLY", "ZERO_PADDED, TEXT_AND_TLV"})
  void aReceiptFindsItsSms_whateverTheIdsSpelling(SmscPeer.ReceiptId id, SmscPeer.ReceiptStyle style) throws Exception {
    SmppSms gateway = bound();
    smsc.nextId.set(0x47E277);
    smsc.receiptId = id;
    smsc.receiptStyle = style;
    gateway.send(new Sms("+79161002001", "Первое", null, "first"));
    gateway.send(new Sms("+79161002002", "Второе", null, "second"));
    assertThat(smsc.answeredIds()).containsExactly("47E277", "47E278"); // hex; 4711031 and 4711032 in decimal

    smsc.receipt(1, "UNDELIV");
    assertThat(report()).isEqualTo(new SmsReport("second", Outcome.FAILED, "UNDELIV"));
    smsc.receipt(0, "DELIVRD");
    assertThat(report()).isEqualTo(new SmsReport("first", Outcome.DELIVERED, "DELIVRD"));
  }

  @Test
  void acceptdMeansSent_aLaterDelivrdMeansDelivered() throws Exception {
    SmppSms gateway = bound();
    gateway.send(new Sms("+79161002001", "Проверка", null, "acceptd"));
    smsc.receipt(0, "ACCEPTD");
    assertThat(report()).isEqualTo(new SmsReport("acceptd", Outcome.SENT, "ACCEPTD"));
    smsc.receipt(0, "DELIVRD");
    assertThat(report()).isEqualTo(new SmsReport("acceptd", Outcome.DELIVERED, "DELIVRD"));
  }

  @Test
  void aLongSmsIsDeliveredWhenEveryPartIs() throws Exception {
    SmppSms gateway = bound();
    gateway.send(new Sms("+79161002001", LONG, null, "long-receipts"));
    smsc.receipt(0, "DELIVRD");
    smsc.receipt(1, "DELIVRD");
    Thread.sleep(300);
    assertThat(reports).extracting(SmsReport::outcome).containsOnly(Outcome.SENT); // two of three parts: not yet
    reports.clear();
    smsc.receipt(2, "DELIVRD");
    assertThat(report()).isEqualTo(new SmsReport("long-receipts", Outcome.DELIVERED, "DELIVRD"));
  }

  @Test
  void aReceiptThatCannotBeRead_isLoggedWithItsText_andCountedForAdministrators() throws Exception {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger logger = (Logger) LoggerFactory.getLogger(SmppReceipts.class);
    logger.addAppender(log);
    try {
      SmppSms gateway = bound();
      smsc.deliverText("79161002001", "Message 17 delivered", true);
      await().atMost(Duration.ofSeconds(5)).until(() -> log.list.stream().anyMatch(e -> e.getLevel() == Level.WARN
          && e.getFormattedMessage().contains("Message 17 delivered")));
      assertThat(gateway.state()).contains("квитанций нераспознанных: 1");
    } finally {
      logger.detachAppender(log);
    }
  }

  // ---- nothing lost, nothing twice (finding 4) ----

  @Test
  void throttlingIsWaitedOut_withoutUnbinding() throws Exception {
    SmppSms gateway = bound();
    smsc.throttleNext.set(3);
    gateway.send(new Sms("+79161002001", "Через 0x58", null, "throttled"));
    assertThat(smsc.submits).hasValue(4);
    assertThat(smsc.received).hasSize(1);
    assertThat(smsc.binds).hasValue(1);
    assertThat(gateway.isBound()).isTrue();
  }

  @Test
  void aWrongNumberIsRefusedForGood_andNeverSentAgain() throws Exception {
    SmppSms gateway = bound();
    smsc.refuseWith = 0x0B;
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> gateway.send(new Sms("+79161002001", "Тест", null, "wrong-number")))
          .isInstanceOfSatisfying(SmsNotSentException.class, e -> assertThat(e.isRetryable()).isFalse())
          .hasMessageContaining("неверный номер получателя");
    }
    assertThat(smsc.submits).hasValue(1);
  }

  @Test
  void aReplyLaterThanTheTimeout_isNotSentTwice_andTheLateReplyCounts() throws Exception {
    SmppSms gateway = bound(s -> s.withTimeout(Duration.ofMillis(500)));
    smsc.replyDelay = Duration.ofMillis(1500);
    assertThatThrownBy(() -> gateway.send(new Sms("+79161002001", "Медленный шлюз", null, "slow")))
        .isInstanceOfSatisfying(SmsNotSentException.class, e -> assertThat(e.isRetryable()).isTrue())
        .hasMessageContaining("ждём его ответа или квитанции до");
    assertThat(gateway.isBound()).isTrue(); // a slow reply does not unbind

    assertThat(report()).isEqualTo(new SmsReport("slow", Outcome.SENT, "ACCEPTED")); // the reply, late
    smsc.replyDelay = Duration.ZERO;
    assertThat(gateway.send(new Sms("+79161002001", "Медленный шлюз", null, "slow")).id()).isEqualTo("47E276");
    assertThat(smsc.submits).hasValue(1);
  }

  @Test
  void aSubmitLeftWithoutAnyAnswer_isSentAgainOnlyAfterTheWindow() throws Exception {
    SmppSms gateway = bound(s -> s.withTimeout(Duration.ofMillis(300)).withLateAnswerWindow(Duration.ofSeconds(1)));
    smsc.replyDelay = Duration.ofSeconds(3); // longer than the window: the reply comes too late to count
    assertThatThrownBy(() -> gateway.send(new Sms("+79161002001", "Тишина", null, "silent"))).isInstanceOf(SmsNotSentException.class);
    assertThatThrownBy(() -> gateway.send(new Sms("+79161002001", "Тишина", null, "silent")))
        .hasMessageContaining("ждём его ответа или квитанции");
    assertThat(smsc.submits).hasValue(1);

    Thread.sleep(1100);
    smsc.replyDelay = Duration.ZERO;
    gateway.send(new Sms("+79161002001", "Тишина", null, "silent"));
    assertThat(smsc.submits).hasValue(2);
  }

  @Test
  void aReceiptForASubmitWhoseReplyNeverCame_marksItDelivered_andNothingIsResent() throws Exception {
    SmppSms gateway = bound(s -> s.withTimeout(Duration.ofMillis(300)));
    smsc.replyDelay = Duration.ofSeconds(4);
    assertThatThrownBy(() -> gateway.send(new Sms("+79161002001", "Без ответа", null, "receipt-only")))
        .isInstanceOf(SmsNotSentException.class);

    smsc.receiptStyle = SmscPeer.ReceiptStyle.TLV_ONLY;
    smsc.deliverText("79161002001", "id:9000001 sub:001 dlvrd:001 submit date:2612041015 done date:2612041016 stat:DELIVRD err:000",
        true);
    assertThat(report()).isEqualTo(new SmsReport("receipt-only", Outcome.DELIVERED, "DELIVRD"));
    gateway.send(new Sms("+79161002001", "Без ответа", null, "receipt-only"));
    assertThat(smsc.submits).hasValue(1);
  }

  @Test
  void aConnectionClosedRightBehindAReply_sendsOnce_andTheReceiptComesOnTheNextBind() throws Exception {
    SmppSms gateway = bound();
    smsc.closeRightAfterReply.set(true);
    sendOrWaitForItsAnswer(gateway, new Sms("+79161002001", "И сразу обрыв", null, "closed-behind"));
    await().atMost(Duration.ofSeconds(5)).until(() -> smsc.binds.get() == 2 && gateway.isBound());

    sendOrWaitForItsAnswer(gateway, new Sms("+79161002001", "И сразу обрыв", null, "closed-behind")); // the outbox's retry
    assertThat(smsc.submits).hasValue(1);
    smsc.receipt(0, "DELIVRD");
    assertThat(report()).isEqualTo(new SmsReport("closed-behind", Outcome.DELIVERED, "DELIVRD"));
  }

  /**
   * The close may beat the reply to our reader on a loaded machine: then the send is a timeout that the
   * outbox retries, and the retry waits for the late answer instead of sending again. Either way: once.
   */
  private static void sendOrWaitForItsAnswer(SmppSms gateway, Sms sms) {
    try {
      gateway.send(sms);
    } catch (SmsNotSentException waiting) {
      assertThat(waiting.isRetryable()).isTrue();
    }
  }
}
