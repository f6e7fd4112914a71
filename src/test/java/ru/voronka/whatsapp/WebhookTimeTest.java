package ru.voronka.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import ru.voronka.support.TestClock;

/** Providers' times in every form their documentation shows; none is a reason to refuse a delivery. */
class WebhookTimeTest {

  static final Instant AT = Instant.parse("2025-11-23T07:15:00Z");

  static JsonNode json(String value) throws Exception {
    return new ObjectMapper().readTree(value);
  }

  static Instant of(String value) throws Exception {
    return WebhookTime.of(json(value), TestClock.INSTANCE);
  }

  @Test
  void unixSecondsAsAStringOrANumber_theCloudApisTimestamp() throws Exception {
    assertThat(of("\"1763882100\"")).isEqualTo(AT);
    assertThat(of("1763882100")).isEqualTo(AT);
  }

  @Test
  void unixMillisecondsAreToldApartBySize() throws Exception {
    assertThat(of("1763882100000")).isEqualTo(AT);
    assertThat(of("\"1763882100123\"")).isEqualTo(AT.plusMillis(123));
  }

  @Test
  void iso8601WithZoneOffsetOrNone_wazzupsDateTime() throws Exception {
    assertThat(of("\"2025-11-23T07:15:00.000Z\"")).isEqualTo(AT);
    assertThat(of("\"2025-11-23T10:15:00+03:00\"")).isEqualTo(AT);
    assertThat(of("\"2025-11-23T07:15:00\"")).isEqualTo(AT); // no offset: UTC
    assertThat(of("\"2025-11-23 07:15:00\"")).isEqualTo(AT);
  }

  @Test
  void noTimeOrOneInNoKnownFormIsTheTimeItArrived() throws Exception {
    Instant before = TestClock.INSTANCE.instant();
    assertThat(of("\"вчера\"")).isAfterOrEqualTo(before);
    assertThat(of("null")).isAfterOrEqualTo(before);
    assertThat(of("\"99999999999999999999\"")).isAfterOrEqualTo(before);
    assertThat(WebhookTime.of(json("{}").path("timestamp"), TestClock.INSTANCE)).isAfterOrEqualTo(before);
  }
}
