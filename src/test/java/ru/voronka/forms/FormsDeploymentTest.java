package ru.voronka.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.voronka.platform.camunda.ModelDeployment;

/**
 * The deployment the application makes ({@link ModelDeployment}: processes/, dmn/ and forms/ as one)
 * on the process tests' engine: the engine parses every form, and every formRef of every model
 * resolves with its binding to a form of that deployment.
 */
class FormsDeploymentTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().configurationResource("process-tests.cfg.xml").build();

  @Test
  void everyFormRef_resolvesInTheApplicationsDeployment() throws Exception {
    ProcessEngine engine = extension.getProcessEngine();
    new ModelDeployment().postProcessEngineBuild(engine);
    var repository = engine.getRepositoryService();
    var deployment = repository.createDeploymentQuery().deploymentName(ModelDeployment.NAME).orderByDeploymentTime().desc()
        .list().get(0);
    try {
      var commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
      FormsMatchModelsTest.read();
      for (var use : FormsMatchModelsTest.uses) {
        CamundaFormDefinition form = commands.execute(
            new GetCamundaFormDefinitionCmd(new CamundaFormRefImpl(use.formRef(), use.binding()), deployment.getId()));
        assertThat(form).as("%s %s: form %s", use.model(), use.elementId(), use.formRef()).isNotNull();
        assertThat(form.getKey()).isEqualTo(use.formRef());
        assertThat(form.getDeploymentId()).isEqualTo(deployment.getId());
        try (InputStream json = repository.getResourceAsStream(deployment.getId(), form.getResourceName())) {
          assertThat(new ObjectMapper().readTree(json).path("id").asText()).isEqualTo(use.formRef());
        }
      }
      var salesFunnel = repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).processDefinitionKey("salesFunnel")
          .singleResult();
      try (InputStream startForm = engine.getFormService().getDeployedStartForm(salesFunnel.getId())) {
        assertThat(new ObjectMapper().readTree(startForm).path("id").asText()).isEqualTo("new-request");
      }
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }
}
