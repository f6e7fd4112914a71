package ru.voronka.deals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import ru.voronka.support.Api;
import ru.voronka.support.PostgresIT;

/**
 * PLT-4, optimistic locking: two heads of sales hand the same deal over at the same moment, each from
 * the card they had open. One hand-over is kept; the other is refused with 409 and «Данные изменились —
 * обновите страницу и повторите» — never a silent overwrite.
 */
class ConcurrentEditsIT extends PostgresIT {

  static final String PASSWORD = "secret1";

  @Autowired TestRestTemplate rest;

  @Test
  void twoSimultaneousHandOversOfOneDeal_oneIsKept_theOtherIsToldToRefresh() throws Exception {
    Api admin = new Api(rest, ADMIN, ADMIN_PASSWORD);
    for (String[] who : new String[][] {{"lockrop1", "HEAD_OF_SALES"}, {"lockrop2", "HEAD_OF_SALES"},
        {"lockmgr1", "MANAGERS"}, {"lockmgr2", "MANAGERS"}, {"lockmgr3", "MANAGERS"}}) {
      var r = admin.post("/api/employees", Map.of("userId", who[0], "password", PASSWORD, "firstName", "Тест",
          "lastName", who[0], "groups", List.of(who[1]), "email", who[0] + "@voronka.test"));
      assertThat(r.status()).as(r.body()).isIn(201, 409);
    }
    Api first = admin.as("lockrop1", PASSWORD);
    Api second = admin.as("lockrop2", PASSWORD);
    long deal = first.post("/api/deals", Map.of("title", "Регуляторы давления, 8 шт.", "amount", 120_000,
        "client", Map.of("name", "ООО «Гидромаш»", "phone", "+7 912 600-72-11"))).expect(201).json().path("id").asLong();
    long seen = first.get("/api/deals/" + deal).expect(200).json().path("version").asLong();

    String current = "";
    for (int round = 0; round < 3; round++) { // the race is real: whichever comes second loses, every time
      CyclicBarrier together = new CyclicBarrier(2);
      long version = seen;
      // both hand it to somebody new (handing it to whoever has it already changes nothing, and is no conflict)
      List<String> others = new ArrayList<>(List.of("lockmgr1", "lockmgr2", "lockmgr3"));
      others.remove(current);
      var a = CompletableFuture.supplyAsync(() -> handOver(first, deal, others.get(0), version, together));
      var b = CompletableFuture.supplyAsync(() -> handOver(second, deal, others.get(1), version, together));
      List<Api.Response> answers = new ArrayList<>(List.of(a.get(), b.get()));
      answers.sort(java.util.Comparator.comparingInt(Api.Response::status));

      assertThat(answers.get(0).status()).as(answers.get(0).body()).isEqualTo(200);
      assertThat(answers.get(1).status()).as(answers.get(1).body()).isEqualTo(409);
      assertThat(answers.get(1).body()).contains("Данные изменились — обновите страницу и повторите");
      var now = first.get("/api/deals/" + deal).expect(200).json();
      String kept = answers.get(0).json().path("responsible").path("userId").asText();
      assertThat(now.path("responsible").path("userId").asText()).isEqualTo(kept);
      assertThat(now.path("version").asLong()).isGreaterThan(version);
      seen = now.path("version").asLong();
      current = kept;
      System.out.printf("Concurrent hand-over, round %d: 200 and 409; deal version %d → %d, responsible %s%n",
          round + 1, version, seen, kept);
    }
    // The one told to refresh does, and repeats: accepted.
    String again = current.equals("lockmgr3") ? "lockmgr1" : "lockmgr3";
    assertThat(second.put("/api/deals/" + deal + "/responsible", Map.of("userId", again, "version", seen)).expect(200)
        .json().path("responsible").path("userId").asText()).isEqualTo(again);
  }

  private static Api.Response handOver(Api who, long deal, String to, long version, CyclicBarrier together) {
    try {
      together.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return who.put("/api/deals/" + deal + "/responsible", Map.of("userId", to, "version", version));
  }
}
