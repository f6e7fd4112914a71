package ru.voronka.platform.camunda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys processes/, dmn/ and forms/ as one deployment as soon as the engine is built, so forms
 * bound with {@code formRefBinding="deployment"} always travel with their processes. Duplicate
 * filtering makes a restart with unchanged models a no-op; nodes starting together are serialized
 * by the engine's deployment lock. Each file is taken once even where a fat jar lists it twice.
 */
@Component
public class ModelDeployment extends AbstractProcessEnginePlugin {

  public static final String NAME = "voronka-models";
  static final String[] PATTERNS = {"classpath*:processes/*.bpmn", "classpath*:dmn/*.dmn", "classpath*:forms/*.form"};

  private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    Map<String, Resource> models = findModels();
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
        .name(NAME).source("voronka").enableDuplicateFiltering(true);
    models.forEach((name, resource) -> {
      try (InputStream in = resource.getInputStream()) {
        deployment.addInputStream(name, new ByteArrayInputStream(in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException("Model " + name + " cannot be read", e);
      }
    });
    var result = deployment.deployWithResult();
    log.info("Models deployed: {} resources, deployment {} ({} process definitions)", models.size(), result.getId(),
        result.getDeployedProcessDefinitions() == null ? 0 : result.getDeployedProcessDefinitions().size());
  }

  static Map<String, Resource> findModels() {
    Map<String, Resource> byName = new TreeMap<>();
    var resolver = new PathMatchingResourcePatternResolver();
    for (String pattern : PATTERNS) {
      try {
        for (Resource resource : resolver.getResources(pattern)) {
          String folder = pattern.substring("classpath*:".length(), pattern.indexOf('/'));
          byName.putIfAbsent(folder + "/" + resource.getFilename(), resource);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Models cannot be listed: " + pattern, e);
      }
    }
    return byName;
  }
}
