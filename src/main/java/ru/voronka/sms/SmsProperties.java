package ru.voronka.sms;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code provider}: {@code simulator} (the demo), {@code whatsapp} (WA-9: through the WhatsApp
 * provider) or {@code smpp} (a GSM gateway). {@code notifyEmployees}: escalations and overdue
 * tranches also go to employees' mobiles. {@code numberingPlan}: files of the Russian numbering
 * plan's register (DEF-9xx.csv as Минцифры publishes it) that name the carrier of each range; without
 * them libphonenumber's carrier data answers (see {@link MobileCarriers}).
 */
@ConfigurationProperties("voronka.sms")
public record SmsProperties(String provider, boolean notifyEmployees, List<String> numberingPlan, Smpp smpp) {

  public SmsProperties {
    numberingPlan = numberingPlan == null ? List.of() : numberingPlan.stream().filter(f -> f != null && !f.isBlank()).toList();
  }

  /**
   * The gateway: where it is and how to log in; {@code sims} the sender number per carrier,
   * {@code defaultSender} for the rest; {@code timeout} how long a reply to one request is waited
   * for; {@code longText} how texts over one SMS travel; {@code lateAnswerWindow} how long a reply or
   * receipt may still come after a timeout before the SMS is sent again; {@code enquireLink} the
   * keep-alive interval; {@code reconnectMin}/{@code reconnectMax} the back-off of the rebind.
   */
  public record Smpp(String host, int port, String systemId, String password, String systemType, String defaultSender,
      Map<String, String> sims, Duration timeout, LongText longText, Duration lateAnswerWindow, Duration enquireLink,
      Duration reconnectMin, Duration reconnectMax) {

    public Smpp {
      sims = sims == null ? Map.of() : sims;
      timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
      systemType = systemType == null ? "" : systemType;
      longText = longText == null ? LongText.UDH : longText;
      lateAnswerWindow = lateAnswerWindow == null ? Duration.ofMinutes(5) : lateAnswerWindow;
      enquireLink = enquireLink == null ? Duration.ofSeconds(30) : enquireLink;
      reconnectMin = reconnectMin == null ? Duration.ofSeconds(1) : reconnectMin;
      reconnectMax = reconnectMax == null ? Duration.ofMinutes(1) : reconnectMax;
    }

    /** The gateway and its SIMs, every other setting at its default (a factory: a second constructor would stop the binding). */
    public static Smpp of(String host, int port, String systemId, String password, String defaultSender, Map<String, String> sims) {
      return new Smpp(host, port, systemId, password, null, defaultSender, sims, null, null, null, null, null, null);
    }

    public Smpp withTimeout(Duration value) {
      return new Smpp(host, port, systemId, password, systemType, defaultSender, sims, value, longText, lateAnswerWindow,
          enquireLink, reconnectMin, reconnectMax);
    }

    public Smpp withLongText(LongText value) {
      return new Smpp(host, port, systemId, password, systemType, defaultSender, sims, timeout, value, lateAnswerWindow,
          enquireLink, reconnectMin, reconnectMax);
    }

    public Smpp withLateAnswerWindow(Duration value) {
      return new Smpp(host, port, systemId, password, systemType, defaultSender, sims, timeout, longText, value,
          enquireLink, reconnectMin, reconnectMax);
    }

    public Smpp withReconnect(Duration min, Duration max) {
      return new Smpp(host, port, systemId, password, systemType, defaultSender, sims, timeout, longText, lateAnswerWindow,
          enquireLink, min, max);
    }

    public Smpp withEnquireLink(Duration value) {
      return new Smpp(host, port, systemId, password, systemType, defaultSender, sims, timeout, longText, lateAnswerWindow,
          value, reconnectMin, reconnectMax);
    }
  }

  /**
   * How a text longer than one SMS (70 UCS-2 characters) travels. {@code udh}: in parts with a
   * concatenation header in the text — what modem gateways pass on, the default; {@code sar}: in parts
   * with the {@code sar_*} TLVs, the gateway writes the header; {@code payload}: whole in
   * {@code message_payload}, for SMSCs that split it themselves.
   */
  public enum LongText { UDH, SAR, PAYLOAD }
}
