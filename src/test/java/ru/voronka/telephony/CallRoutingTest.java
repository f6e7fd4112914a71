package ru.voronka.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.voronka.directory.Group;
import ru.voronka.directory.Staff;
import ru.voronka.directory.Staff.NewEmployee;
import ru.voronka.support.TestClock;
import ru.voronka.support.WorkspaceTest;

/** TEL-5, TEL-7: the queue a new client's call goes down — free desks by the ranking, then mobiles. */
class CallRoutingTest extends WorkspaceTest {

  @Autowired CallRouting routing;
  @Autowired CallJournal journal;
  @Autowired Staff staff;
  @Autowired ru.voronka.directory.Directory directory;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @org.junit.jupiter.api.BeforeEach
  void officeHours() {
    TestClock.INSTANCE.moveToOfficeHours(); // out of hours the routing table rings mobiles, not desks
  }

  @Test
  void aNewClientRingsAtMostFiveFreeDesksByTheRanking_thenThreeMobilesThroughTheirCarriersTrunks() {
    for (int i = 1; i <= 6; i++) {
      String user = "route" + i;
      staff.hire(new NewEmployee(user, "secret1", "Очередь" + i, "Маршрутов", "Менеджер по продажам", "Отдел продаж",
          List.of(Group.MANAGERS), null, "+7 916 100-00-0" + i, "МТС", null));
      staff.assignExtension(user, "31" + i);
    }
    journal.ringing("1763895000.12", CallDirection.INCOMING, "79990001111", "311", TestClock.INSTANCE.instant()); // route1 is on a call

    // the journal's busy desks are re-read once a second
    Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      CallRouting.Route route = routing.route("+7 999 000-22-33");
      assertThat(route.rule()).isEqualTo("RANKING");
      List<String> dials = route.targets().stream().map(CallRouting.Target::dial).toList();
      assertThat(dials).hasSize(8).doesNotContain("PJSIP/311");
      assertThat(dials.subList(0, 5)).allMatch(dial -> dial.matches("PJSIP/\\d{3}"));
      assertThat(dials.subList(5, 8)).allMatch(dial -> dial.startsWith("PJSIP/") && dial.contains("@"));
    });
    // Desks in the order of last week's ranking, busy ones skipped; mobiles of the best three through their carrier's trunk.
    CallRouting.Route route = routing.route("+7 999 000-22-33");
    List<String> ranked = routing.ranking().stream().map(CallRouting.Ranked::userId).toList();
    List<String> desks = route.targets().subList(0, 5).stream().map(CallRouting.Target::userId).toList();
    assertThat(ranked.stream().filter(desks::contains).toList()).isEqualTo(desks);
    assertThat(route.targets().subList(5, 8).stream().map(CallRouting.Target::userId).toList()).isEqualTo(ranked.subList(0, 3));
    assertThat(route.targets().stream().map(CallRouting.Target::dial)).contains(switch (ranked.get(0)) {
      case "petrov" -> "PJSIP/79161002001@gsm-mts";
      case "sidorova" -> "PJSIP/79261002002@gsm-megafon";
      default -> route.targets().get(5).dial();
    });

    // A known number (any spelling) rings its counterparty's responsible first, then the queue.
    var client = directory.registerCaller("ООО «Маршрут»", "Иван", "+7 (999) 000-44-55", null);
    jdbc.update("update counterparty set responsible_id = (select id from employee where user_id = 'route6') where id = ?",
        client.getId());
    CallRouting.Route known = routing.route("89990004455");
    assertThat(known.rule()).isEqualTo("RESPONSIBLE_THEN_RANKING");
    assertThat(known.targets().get(0).dial()).isEqualTo("PJSIP/316");
    assertThat(known.targets().stream().map(CallRouting.Target::dial).filter("PJSIP/316"::equals)).hasSize(1);

    // A card without a responsible: the responsible of the client's latest open deal.
    var other = directory.registerCaller("ООО «Без ответственного»", "Пётр", "+7 999 000-66-77", null);
    jdbc.update("""
        insert into deal (title, funnel, stage, status, created_at, updated_at, counterparty_id, responsible_id)
        values ('Старая', 'SALES', 'NEW', 'WON', now(), now(), ?, (select id from employee where user_id = 'route4')),
               ('Текущая', 'SALES', 'NEW', 'OPEN', now(), now(), ?, (select id from employee where user_id = 'route5'))""",
        other.getId(), other.getId());
    try {
      assertThat(routing.route("+79990006677").targets().get(0).dial()).isEqualTo("PJSIP/315");
    } finally { // bare rows without a funnel: not for the pages the other tests of this context read
      jdbc.update("delete from deal where counterparty_id = ?", other.getId());
    }
  }

  @Test
  void anExtensionWrittenAroundTheApiWithALineBreakIsNeverRungNorPassedOnTo() {
    staff.hire(new NewEmployee("routebad", "secret1", "Строка", "Переводов", "Менеджер по продажам", "Отдел продаж",
        List.of(Group.MANAGERS), null, null, null, null));
    // an import or a hand-made row: the API refuses such an extension, the database does not
    jdbc.update("update employee set extension = ? where user_id = 'routebad'", "105\nEXEC Dial 9");
    try {
      var client = directory.registerCaller("ООО «Перевод строки»", "Анна", "+7 999 000-88-99", null);
      jdbc.update("update counterparty set responsible_id = (select id from employee where user_id = 'routebad') where id = ?",
          client.getId());
      routing.staffChanged(new ru.voronka.directory.EmployeeHired(0L));
      for (String caller : List.of("+7 999 000-88-99", "+7 999 000-88-98")) { // their own client, and a new one
        CallRouting.Route route = routing.route(caller);
        assertThat(route.targets()).isNotEmpty().allMatch(t -> t.dial().matches("PJSIP/[0-9]+(@[a-z-]+)?"));
      }
    } finally {
      jdbc.update("update employee set extension = null, active = false where user_id = 'routebad'");
      routing.staffChanged(new ru.voronka.directory.EmployeeHired(0L));
    }
  }

  @Test
  void atNightTheRoutingClockSendsEveryCallToTheMobiles() {
    TestClock.INSTANCE.moveTo(TestClock.INSTANCE.nextWeekday(java.time.LocalTime.of(22, 0)));

    CallRouting.Route route = routing.route("+7 999 000-22-34");

    assertThat(route.rule()).isEqualTo("MOBILES");
    assertThat(route.targets()).allMatch(target -> target.extension() == null && target.dial().contains("@"));
  }

  @Test
  void atNightAKnownClientsCallRingsTheirOwnManagersMobileFirst() {
    staff.hire(new NewEmployee("nightowner", "secret1", "Ночной", "Ответственный", "Менеджер по продажам", "Отдел продаж",
        List.of(Group.MANAGERS), null, "+7 916 100-00-77", "МТС", null));
    staff.assignExtension("nightowner", "377");
    var client = directory.registerCaller("ООО «Ночной звонок»", "Ольга", "+7 999 000-77-88", null);
    jdbc.update("update counterparty set responsible_id = (select id from employee where user_id = 'nightowner') where id = ?",
        client.getId());
    TestClock.INSTANCE.moveTo(TestClock.INSTANCE.nextWeekday(java.time.LocalTime.of(22, 0)));

    CallRouting.Route route = routing.route("8 999 000-77-88");

    assertThat(route.rule()).isEqualTo("MOBILES");
    assertThat(route.targets().get(0).userId()).isEqualTo("nightowner");
    assertThat(route.targets().get(0).dial()).isEqualTo("PJSIP/79161000077@gsm-mts");
    assertThat(route.targets().stream().map(CallRouting.Target::userId).filter("nightowner"::equals)).hasSize(1);
  }
}
