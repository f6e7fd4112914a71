package ru.voronka.telephony;

import org.asteriskjava.manager.AsteriskMapping;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;

/**
 * {@code DeviceStateChange} as Asterisk writes it both as a change and as an item of the answer to
 * {@link DeviceStateListAction} — the latter with an {@code ActionID}, which asterisk-java's own
 * class has no property for (it would warn once per device at every login). Registered in its place.
 */
@AsteriskMapping("DeviceStateChange")
public class DeviceStateEvent extends DeviceStateChangeEvent {

  private static final long serialVersionUID = 1L;

  private String actionId;

  public DeviceStateEvent(Object source) {
    super(source);
  }

  public String getActionId() {
    return actionId;
  }

  public void setActionId(String actionId) {
    this.actionId = actionId;
  }
}
