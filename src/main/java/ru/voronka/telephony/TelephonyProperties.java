package ru.voronka.telephony;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code voronka.telephony}: {@code pbx} — {@code simulator} (the demo's softphone page) or
 * {@code asterisk}; the AMI connection; {@code trunks} — the GSM trunk per mobile carrier for calls
 * to managers' mobiles (TEL-7); {@code recordings} — where MixMonitor's files are served from, with
 * {@code {linkedid}} in place of the call's key; {@code officeHours}/{@code officeDays} — when the
 * desks are staffed (outside, the routing table sends calls to the mobiles).
 */
@ConfigurationProperties("voronka.telephony")
public record TelephonyProperties(String pbx, Ami ami, Map<String, String> trunks, String defaultTrunk, String recordings,
    String context, String officeHours, String officeDays, Integer agiPort) {

  public record Ami(String host, int port, String username, String secret) {}

  public TelephonyProperties {
    trunks = trunks == null ? Map.of() : trunks;
    defaultTrunk = defaultTrunk == null || defaultTrunk.isBlank() ? "gsm" : defaultTrunk;
    context = context == null || context.isBlank() ? "from-voronka" : context;
    officeHours = officeHours == null || officeHours.isBlank() ? "09:00-18:00" : officeHours;
    officeDays = officeDays == null || officeDays.isBlank() ? "1-5" : officeDays;
    agiPort = agiPort == null ? 4573 : agiPort;
  }

  /** Whether the desks are staffed at this Moscow time: {@code officeDays} 1–7 from Monday, {@code officeHours} from-to. */
  boolean officeOpen(java.time.ZonedDateTime now) {
    String[] days = officeDays.split("-");
    String[] hours = officeHours.split("-");
    int day = now.getDayOfWeek().getValue();
    java.time.LocalTime time = now.toLocalTime();
    return day >= Integer.parseInt(days[0].strip()) && day <= Integer.parseInt(days[days.length - 1].strip())
        && !time.isBefore(java.time.LocalTime.parse(hours[0].strip()))
        && time.isBefore(java.time.LocalTime.parse(hours[1].strip()));
  }

  String trunkFor(String carrier) {
    return carrier == null ? defaultTrunk : trunks.getOrDefault(carrier, defaultTrunk);
  }
}
