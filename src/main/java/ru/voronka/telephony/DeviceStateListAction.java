package ru.voronka.telephony;

import org.asteriskjava.manager.action.AbstractManagerAction;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.event.ResponseEvent;

/**
 * AMI {@code DeviceStateList} (res_manager_devicestate, Asterisk 13+), which asterisk-java does not
 * ship: Asterisk answers with one {@code DeviceStateChange} per known device, then
 * {@link DeviceStateListCompleteEvent}. Public: asterisk-java reads its properties by reflection.
 */
public class DeviceStateListAction extends AbstractManagerAction implements EventGeneratingAction {

  private static final long serialVersionUID = 1L;

  @Override
  public String getAction() {
    return "DeviceStateList";
  }

  @Override
  public Class<? extends ResponseEvent> getActionCompleteEventClass() {
    return DeviceStateListCompleteEvent.class;
  }
}
