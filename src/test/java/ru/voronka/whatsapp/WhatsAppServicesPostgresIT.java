package ru.voronka.whatsapp;

import org.springframework.test.context.ContextConfiguration;
import ru.voronka.support.WorkspaceOnPostgres;

/** {@link WhatsAppServicesTest} again, on PostgreSQL (issue 17: the stage-action checklist's lines on PostgreSQL). */
@ContextConfiguration(initializers = WorkspaceOnPostgres.class)
class WhatsAppServicesPostgresIT extends WhatsAppServicesTest {}
