package ru.voronka.sms.smpp;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** A real database for the adapter's own tests: an in-memory H2 with the application's migrations. */
final class SmsDatabase {

  final DataSource dataSource;
  final DataSourceTransactionManager transactions;

  SmsDatabase() {
    SimpleDriverDataSource h2 = new SimpleDriverDataSource(new org.h2.Driver(),
        "jdbc:h2:mem:sms-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
    dataSource = h2;
    transactions = new DataSourceTransactionManager(h2);
  }
}
