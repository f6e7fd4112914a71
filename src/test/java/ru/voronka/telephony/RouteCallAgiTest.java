package ru.voronka.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.ServerSocket;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** FastAGI routing (TEL-5, TEL-7) through asterisk-java's AGI server, asked the way Asterisk asks. */
class RouteCallAgiTest {

  @Test
  void theDialplanLearnsWhomToRingInOrder() throws Exception {
    CallRouting routing = mock(CallRouting.class);
    when(routing.route("79126007080")).thenReturn(new CallRouting.Route(List.of(
        new CallRouting.Target("PJSIP/101", "101", "petrov", "Петров"),
        new CallRouting.Target("PJSIP/102", "102", "sidorova", "Сидорова"),
        new CallRouting.Target("PJSIP/79161002001@gsm-mts", null, "petrov", "Петров, мобильный")), 15, "RESPONSIBLE_THEN_RANKING"));
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    CallJournal journal = mock(CallJournal.class);
    FastAgiServer server = new FastAgiServer(port, new RouteCallAgi(routing, journal));
    server.start();
    try {
      int agiPort = port;
      Awaitility.await().ignoreExceptions().until(() -> new java.net.Socket("127.0.0.1", agiPort).isConnected());

      List<String> commands = FastAgiClient.call(port, "route", "79126007080", "1763890000.12");

      assertThat(commands).containsExactly(
          "SET VARIABLE \"VORONKA_RING\" \"15\"",
          "SET VARIABLE \"VORONKA_TARGETS\" \"PJSIP/101,PJSIP/102,PJSIP/79161002001@gsm-mts\"",
          "SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\""); // asterisk-java's own «the script ran»
      // The journal keeps the decision for the call (its Linkedid: the caller's channel's uniqueid) until it rings.
      verify(journal).routed("1763890000.12", "Свой менеджер, затем очередь: Петров → Сидорова → Петров, мобильный");
    } finally {
      server.stop();
    }
  }
}
