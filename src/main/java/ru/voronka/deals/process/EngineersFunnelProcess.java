package ru.voronka.deals.process;

/** processes/engineers-funnel.bpmn: the «Инженеры» funnel a won sale converts into. */
public final class EngineersFunnelProcess {

  public static final String KEY = "engineersFunnel";

  private EngineersFunnelProcess() {}
}
