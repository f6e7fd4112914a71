package ru.voronka.support;

import java.util.Map;
import ru.voronka.telephony.CallFollowUps;

/**
 * Closes the «Итог звонка» a test's calls left open (TEL-8), so that the next test in the shared
 * context finds the user's call card as its own calls left it.
 */
public final class OpenFollowUps {

  private OpenFollowUps() {}

  public static void close(CallFollowUps followUps, String userId) {
    followUps.open(userId).forEach(open -> followUps.complete(open.callId(), userId, Map.of("followUp", "EVENT",
        "eventKind", "CALL", "eventDue", "2030-01-15T10:00", "eventTitle", "Перезвонить (тест)")));
  }
}
