package ru.voronka.directory;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of the company, each a Camunda group: tasks go to a group's candidates, Tasklist and
 * Cockpit rights are granted per group, and Spring Security reads them as {@code ROLE_<ID>}.
 */
public enum Group {
  MANAGERS("managers", "Менеджеры по продажам"),
  HEAD_OF_SALES("rop", "Руководитель отдела продаж (РОП)"),
  LOGISTS("logists", "Логисты"),
  ENGINEERS("engineers", "Инженеры"),
  PURCHASERS("purchasers", "Закупщики"),
  PRODUCTION("production", "Производство"),
  LAWYERS("lawyers", "Юристы"),
  METROLOGISTS("metrologists", "Метрологи"),
  ACCOUNTANTS("accountants", "Бухгалтерия"),
  ANALYSTS("analysts", "Процессные аналитики"),
  ADMINS("camunda-admin", "Администраторы");

  private final String id;
  private final String title;

  Group(String id, String title) {
    this.id = id;
    this.title = title;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public String authority() {
    return "ROLE_" + id.toUpperCase().replace('-', '_');
  }

  public static Optional<Group> byId(String id) {
    return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst();
  }
}
