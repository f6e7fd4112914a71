package ru.voronka.telephony;

import org.asteriskjava.manager.event.ResponseEvent;

/**
 * The end of the answer to {@link DeviceStateListAction}. Public with a public constructor: asterisk-java
 * builds registered event classes by reflection.
 */
public class DeviceStateListCompleteEvent extends ResponseEvent {

  private static final long serialVersionUID = 1L;

  private String eventList;
  private Integer listItems;

  public DeviceStateListCompleteEvent(Object source) {
    super(source);
  }

  public String getEventList() {
    return eventList;
  }

  public void setEventList(String eventList) {
    this.eventList = eventList;
  }

  public Integer getListItems() {
    return listItems;
  }

  public void setListItems(Integer listItems) {
    this.listItems = listItems;
  }
}
