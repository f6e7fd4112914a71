package ru.voronka.telephony;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The demo's PBX: the call is only logged; the chat records that it was placed. */
@Component
class SimulatedClickToCall implements ClickToCall {

  private static final Logger log = LoggerFactory.getLogger(SimulatedClickToCall.class);

  @Override
  public void dial(String employeeUserId, String number) {
    log.info("Simulated call: {} → {}", employeeUserId, number);
  }
}
