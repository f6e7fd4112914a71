package ru.voronka.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The fast tier's application — the default run with its demo users, deals and simulators — on a
 * PostgreSQL database of its own instead of H2: {@code @ContextConfiguration(initializers = WorkspaceOnPostgres.class)}
 * on a subclass of a {@link WorkspaceTest} runs the same tests on PostgreSQL (issue 17: every line of the
 * stage-action checklist on PostgreSQL). All such subclasses share one context.
 */
public class WorkspaceOnPostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    var db = PostgresDatabase.forContext();
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("workspace-on-postgres", Map.of(
        "spring.datasource.url", db.url(),
        "spring.datasource.username", db.user(),
        "spring.datasource.password", db.password(),
        "spring.datasource.hikari.maximum-pool-size", System.getProperty("voronka.it.db-pool", "16"),
        "spring.datasource.hikari.minimum-idle", "1",
        "spring.datasource.hikari.idle-timeout", "15000")));
  }
}
