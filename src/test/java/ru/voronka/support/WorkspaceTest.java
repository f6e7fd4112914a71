package ru.voronka.support;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The fast tier's whole application: the default run (demo users, deals and chats) on an in-memory
 * H2, driven through MockMvc. Every test class extending this shares one Spring context, in which
 * {@link ru.voronka.platform.live.LiveEventsHeard} keeps the live events pages would hear.
 */
@SpringBootTest
@AutoConfigureMockMvc
@org.springframework.context.annotation.Import(ru.voronka.platform.live.LiveEventsHeard.class)
@TestPropertySource(properties = {
    "spring.datasource.url=jdbc:h2:mem:workspace;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"
})
public abstract class WorkspaceTest {}
