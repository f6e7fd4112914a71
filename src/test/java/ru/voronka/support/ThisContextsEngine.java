package ru.voronka.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * The test's own engine answers Camunda's REST API and webapps. Every application context of a run builds an
 * engine named «default», and Camunda keeps one engine per name for the whole JVM — the last one built — so a
 * test running in a context built before another would ask the engine REST of that other context, on another
 * database (a task just made "did not appear"). Before each test its context's engine is made the one again.
 */
public class ThisContextsEngine extends AbstractTestExecutionListener {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    if (!testContext.hasApplicationContext()) {
      return;
    }
    testContext.getApplicationContext().getBeanProvider(ProcessEngine.class).ifAvailable(ProcessEngines::registerProcessEngine);
  }
}
