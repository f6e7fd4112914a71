package ru.voronka.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test class (junit-platform.properties turns on extension auto-detection):
 * the engines of the process tests, which have no Spring context, read the test clock too.
 */
public class TestClockExtension implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    TestClock.INSTANCE.bindEngine();
  }
}
