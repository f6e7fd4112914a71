package ru.voronka.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider's time in any of the forms their documentation uses: Unix seconds as a number or a
 * string (the Cloud API's {@code "timestamp": "1763882100"}), milliseconds (told apart by size),
 * ISO 8601 with an offset or a {@code Z} (Wazzup's {@code dateTime}), or without one (read as UTC).
 * A time is never a reason to refuse a delivery: one that cannot be read is the time it arrived.
 */
final class WebhookTime {

  private static final Logger log = LoggerFactory.getLogger(WebhookTime.class);

  /** Anything larger is milliseconds: 10^11 seconds is the year 5138. */
  private static final long LARGEST_SECONDS = 100_000_000_000L;

  private WebhookTime() {}

  static Instant of(JsonNode value, Clock clock) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return clock.instant();
    }
    if (value.isNumber()) {
      return epoch(value.asLong());
    }
    String text = value.asText("").strip();
    if (text.isEmpty()) {
      return clock.instant();
    }
    try {
      if (text.matches("\\d{1,19}")) {
        return epoch(Long.parseLong(text));
      }
      if (text.matches("\\d{1,19}\\.\\d+")) { // fractional seconds
        return Instant.ofEpochMilli(Math.round(Double.parseDouble(text) * 1000));
      }
      String iso = text.replace(' ', 'T');
      try {
        return OffsetDateTime.parse(iso).toInstant();
      } catch (DateTimeParseException withoutOffset) {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      log.warn("A webhook's time «{}» is in no known format: the time it arrived is kept", text);
      return clock.instant();
    }
  }

  private static Instant epoch(long value) {
    return value > LARGEST_SECONDS ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
  }
}
