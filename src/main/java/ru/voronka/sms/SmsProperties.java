package ru.voronka.sms;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code provider}: {@code simulator} (the demo), {@code whatsapp} (WA-9: through the WhatsApp
 * provider) or {@code smpp} (a GSM gateway). {@code sims}: the gateway's sender number per carrier,
 * {@code defaultSender} for the rest. {@code notifyEmployees}: escalations and overdue tranches also
 * go to employees' mobiles.
 */
@ConfigurationProperties("voronka.sms")
public record SmsProperties(String provider, boolean notifyEmployees, Smpp smpp) {

  public record Smpp(String host, int port, String systemId, String password, String systemType, String defaultSender,
      Map<String, String> sims, Duration timeout) {

    public Smpp {
      sims = sims == null ? Map.of() : sims;
      timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
      systemType = systemType == null ? "" : systemType;
    }

    /** The sender for a recipient of this carrier: the gateway's SIM in the same network, if it has one. */
    String senderFor(String carrier) {
      if (carrier != null) {
        for (Map.Entry<String, String> sim : sims.entrySet()) {
          if (sim.getKey().equalsIgnoreCase(carrier.trim())) {
            return sim.getValue();
          }
        }
      }
      return defaultSender;
    }
  }
}
