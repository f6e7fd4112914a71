package ru.voronka.workspace;

import org.springframework.test.context.ContextConfiguration;
import ru.voronka.support.WorkspaceOnPostgres;

/** {@link WhatsAppServicesPagesTest} again, on PostgreSQL (issue 17: the stage-action checklist's lines on PostgreSQL). */
@ContextConfiguration(initializers = WorkspaceOnPostgres.class)
class WhatsAppServicesPagesPostgresIT extends WhatsAppServicesPagesTest {}
