package ru.voronka.deals.process;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The in-memory engine with coverage, and every bean the models name (see {@link ProcessTestBeans}). */
public abstract class ProcessTest {

  /**
   * Not camunda.cfg.xml: under that name Camunda's ProcessEngines registry builds this in-memory
   * engine on first look-up and registers it as "default", so in the integration tier the webapps
   * (Tasklist, Cockpit) would show it instead of the application's engine.
   */
  public static final String PROCESS_TESTS_CFG = "process-tests.cfg.xml";

  @RegisterExtension
  public static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(PROCESS_TESTS_CFG).build();

  public static final long DEAL = 42L;

  protected ProcessTestBeans beans;

  @BeforeEach
  protected void registerBeans() {
    BpmnAwareTests.init(engine.getProcessEngine());
    beans = new ProcessTestBeans().register(engine.getProcessEngine());
  }

  @AfterEach
  protected void resetBeans() {
    Mocks.reset();
  }
}
