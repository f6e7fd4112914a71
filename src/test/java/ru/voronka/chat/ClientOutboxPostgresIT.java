package ru.voronka.chat;

import org.springframework.test.context.ContextConfiguration;
import ru.voronka.support.WorkspaceOnPostgres;

/** {@link ClientOutboxTest} again, on PostgreSQL (issue 17: the stage-action checklist's lines on PostgreSQL). */
@ContextConfiguration(initializers = WorkspaceOnPostgres.class)
class ClientOutboxPostgresIT extends ClientOutboxTest {}
