package ru.voronka.deals.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An index of Camunda's task table by due date, for «Мои задачи» (the nearest due first, {@link DealTasks#open}):
 * with it PostgreSQL walks the tasks in that order and stops at a page; without it every task offered to a
 * group was read and sorted (issue 15's bench: 40–45 ms for 50 000 offered tasks, 1–6 ms with it). Made once
 * the engine has made its tables — Flyway runs before it on a fresh database — and kept by Camunda's upgrades,
 * which add their own indexes and leave others alone. Built in one go (task writes wait for it, a fraction of a
 * second at 100 000 tasks, once): a concurrent build that failed would leave an index PostgreSQL never uses.
 */
@Component
class TaskDueIndex {

  private static final Logger log = LoggerFactory.getLogger(TaskDueIndex.class);
  static final String NAME = "voronka_task_due_idx";

  private final JdbcTemplate jdbc;

  TaskDueIndex(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationReadyEvent.class)
  void make() {
    try {
      jdbc.execute("create index if not exists " + NAME
          + " on ACT_RU_TASK (DUE_DATE_ asc, CREATE_TIME_ desc)");
    } catch (RuntimeException e) {
      // another node building it at the same moment, or rights to create indexes withheld: slower pages, not a failed start
      log.warn("Index {} of Camunda's tasks not made at this start: {}", NAME, e.toString());
    }
  }
}
