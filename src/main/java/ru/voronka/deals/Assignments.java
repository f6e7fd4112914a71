package ru.voronka.deals;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** FUN-3's task module: the yes/no flags of its form and whom each one sets to work. */
public final class Assignments {

  public static final Map<String, String> TEAMS = teams();

  private Assignments() {}

  private static Map<String, String> teams() {
    Map<String, String> teams = new LinkedHashMap<>();
    teams.put("needEngineers", "инженерам");
    teams.put("needPurchasers", "закупщикам");
    teams.put("needLogistics", "логистике");
    teams.put("needProduction", "производству");
    teams.put("needLawyer", "юристу на проверку контрагента");
    teams.put("needMetrologist", "метрологу");
    return Collections.unmodifiableMap(teams);
  }
}
