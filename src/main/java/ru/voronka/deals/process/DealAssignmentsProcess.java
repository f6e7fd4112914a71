package ru.voronka.deals.process;

/** processes/deal-assignments.bpmn: the task module of FUN-3 ({@link ru.voronka.deals.Assignments}), startable at any stage. */
public final class DealAssignmentsProcess {

  public static final String KEY = "dealAssignments";

  private DealAssignmentsProcess() {}
}
