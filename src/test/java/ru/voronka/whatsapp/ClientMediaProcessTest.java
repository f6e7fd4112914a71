package ru.voronka.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.io.UncheckedIOException;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.voronka.deals.process.ProcessTest;

/**
 * processes/client-media.bpmn: the file is fetched by a job after the message is stored; a provider
 * that stumbles is retried with back-off, then an incident; a file refused for good is marked lost.
 */
@Deployment(resources = "processes/client-media.bpmn")
class ClientMediaProcessTest extends ProcessTest {

  static final long MEDIA = 7L;
  static final long MESSAGE = 17L;

  MediaDownloads media = mock(MediaDownloads.class);

  @BeforeEach
  void delegates() {
    Mocks.register("downloadClientMedia", new DownloadClientMedia(media));
    Mocks.register("markMediaLost", new MarkMediaLost(media));
  }

  ProcessInstance start() {
    ProcessInstance download = runtimeService().startProcessInstanceByKey(MediaDownloads.PROCESS, String.valueOf(DEAL),
        Map.of("mediaId", MEDIA, "messageId", MESSAGE, "dealId", DEAL));
    assertThat(download).isWaitingAt("Task_DownloadMedia"); // the webhook only stores; the job fetches
    return download;
  }

  @Test
  void theJobFetchesTheFile() throws Exception {
    ProcessInstance download = start();
    execute(job());
    assertThat(download).isEnded().hasPassed("EndEvent_Attached");
    verify(media).download(MEDIA);
  }

  @Test
  void aProviderThatStumblesIsRetriedWithBackOff_andAnIncidentWhenItNeverComesBack() throws Exception {
    ProcessInstance download = start();
    doThrow(new UncheckedIOException("провайдер ответил 503", new java.io.IOException())).when(media).download(MEDIA);
    Job first = job();
    assertThatThrownBy(() -> managementService().executeJob(first.getId())).isInstanceOf(UncheckedIOException.class);
    assertThat(job().getRetries()).isEqualTo(5); // PT1M,PT5M,PT15M,PT1H,PT4H still to come
    for (int attempt = 0; attempt < 5; attempt++) {
      Job retry = job();
      assertThatThrownBy(() -> managementService().executeJob(retry.getId())).isInstanceOf(UncheckedIOException.class);
    }
    assertThat(runtimeService().createIncidentQuery().processInstanceId(download.getId()).count()).isEqualTo(1);

    doNothing().when(media).download(MEDIA); // the administrator retries it in Cockpit once the provider is back
    managementService().setJobRetries(job().getId(), 1);
    execute(job());
    assertThat(download).isEnded().hasPassed("EndEvent_Attached");
  }

  @Test
  void aFileRefusedForGoodIsMarkedLostInTheMessage() throws Exception {
    ProcessInstance download = start();
    doThrow(new MediaSources.Refused("файл больше 10 МБ")).when(media).download(MEDIA);

    execute(job());

    assertThat(download).isEnded().hasPassed("Boundary_MediaRefused", "Task_MarkMediaLost", "EndEvent_Lost");
    verify(media).lost(MEDIA, "файл больше 10 МБ");
  }
}
