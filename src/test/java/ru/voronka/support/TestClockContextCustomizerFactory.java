package ru.voronka.support;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Every test's application context reads the {@link TestClock} (META-INF/spring.factories names this factory). */
public class TestClockContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    return new TestClockCustomizer();
  }

  private static final class TestClockCustomizer implements ContextCustomizer {

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
      RootBeanDefinition clock = new RootBeanDefinition(Clock.class, () -> TestClock.INSTANCE);
      clock.setPrimary(true);
      ((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition("testClock", clock);
    }

    // One customizer for all: it does not split the context cache.
    @Override
    public boolean equals(Object other) {
      return other instanceof TestClockCustomizer;
    }

    @Override
    public int hashCode() {
      return TestClockCustomizer.class.hashCode();
    }
  }
}
