package ru.voronka.automation;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;
import ru.voronka.support.WorkspaceOnPostgres;

/** {@link StageActionsTest} again, on PostgreSQL (issue 17: the stage-action checklist's lines on PostgreSQL). */
@ContextConfiguration(initializers = WorkspaceOnPostgres.class)
class StageActionsPostgresIT extends StageActionsTest {

  @Autowired DataSource dataSource;

  @Test
  void theseTestsRunOnPostgresql() throws Exception {
    try (var connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
  }
}
