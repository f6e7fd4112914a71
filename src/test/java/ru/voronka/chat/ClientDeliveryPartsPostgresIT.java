package ru.voronka.chat;

import org.springframework.test.context.ContextConfiguration;
import ru.voronka.support.WorkspaceOnPostgres;

/** {@link ClientDeliveryPartsTest} again, on PostgreSQL (issue 17: the stage-action checklist's lines on PostgreSQL). */
@ContextConfiguration(initializers = WorkspaceOnPostgres.class)
class ClientDeliveryPartsPostgresIT extends ClientDeliveryPartsTest {}
