package ru.voronka.onec;

/** @param status the state in words, as the deal's log shows it */
public record OneCTaskState(boolean executed, String status) {

  public static OneCTaskState of(boolean executed) {
    return new OneCTaskState(executed, executed ? "выполнено" : "в работе");
  }
}
