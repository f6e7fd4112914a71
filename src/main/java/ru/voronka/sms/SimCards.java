package ru.voronka.sms;

import java.util.Map;

/**
 * Which of the gateway's SIMs sends to a number: the one in the recipient's network (an SMS inside
 * one network is cheap and arrives sooner), else the default SIM.
 */
public final class SimCards {

  private final Map<String, String> sims;
  private final String defaultSender;
  private final MobileCarriers carriers;

  SimCards(Map<String, String> sims, String defaultSender, MobileCarriers carriers) {
    this.sims = sims == null ? Map.of() : sims;
    this.defaultSender = defaultSender;
    this.carriers = carriers;
  }

  /** For tests and tools: the SIMs alone, carriers from libphonenumber's data. */
  public static SimCards of(Map<String, String> sims, String defaultSender) {
    return new SimCards(sims, defaultSender, new MobileCarriers(NumberingPlan.empty()));
  }

  /**
   * @param carrier what is known of the recipient's carrier (an employee's card says it), or null:
   *     then the number's range tells
   */
  public String senderFor(String e164, String carrier) {
    String network = carrier != null && !carrier.isBlank() ? carrier : carriers.carrierOf(e164);
    if (network != null) {
      for (Map.Entry<String, String> sim : sims.entrySet()) {
        if (CarrierNames.same(sim.getKey(), network)) {
          return sim.getValue();
        }
      }
    }
    return defaultSender;
  }
}
