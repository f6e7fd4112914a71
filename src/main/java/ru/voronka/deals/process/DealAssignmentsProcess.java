package ru.voronka.deals.process;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** processes/deal-assignments.bpmn: the task module of FUN-3, startable at any stage. */
public final class DealAssignmentsProcess {

  public static final String KEY = "dealAssignments";

  /** The yes/no flags of the task module and whom each one sets to work. */
  public static final Map<String, String> FLAGS = flags();

  private DealAssignmentsProcess() {}

  private static Map<String, String> flags() {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("needEngineers", "инженерам");
    flags.put("needPurchasers", "закупщикам");
    flags.put("needLogistics", "логистике");
    flags.put("needProduction", "производству");
    flags.put("needLawyer", "юристу на проверку контрагента");
    flags.put("needMetrologist", "метрологу");
    return Collections.unmodifiableMap(flags);
  }
}
