package ru.voronka.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The integration tier's base: the whole application, the production ("postgres") profile, a real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
// No WhatsApp provider unless a test connects one (its @DynamicPropertySource wins over this).
@TestPropertySource(properties = "voronka.whatsapp.provider=journal")
public abstract class PostgresIT {

  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "admin-it";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    var db = PostgresDatabase.forContext();
    registry.add("spring.datasource.url", db::url);
    registry.add("spring.datasource.username", db::user);
    registry.add("spring.datasource.password", db::password);
    // Pools that shrink when idle: the run's contexts stay alive side by side, within the server's 100
    // connections, and only the running one holds many. Not smaller than 16: a sending job holds two
    // at once (its transaction and the record of a part sent or failed), and the job executor runs up
    // to 10 (the bench profile gives the production's 30).
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> System.getProperty("voronka.it.db-pool", "16"));
    registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
    registry.add("spring.datasource.hikari.idle-timeout", () -> "15000");
    registry.add("camunda.bpm.admin-user.password", () -> ADMIN_PASSWORD);
    registry.add("voronka.onec.mode", () -> "simulator");
    registry.add("voronka.mail.mode", () -> "outbox");
    registry.add("voronka.whatsapp.join-secret", () -> "integration-tests-join-secret");
    registry.add("spring.mail.host", () -> "localhost");
  }
}
