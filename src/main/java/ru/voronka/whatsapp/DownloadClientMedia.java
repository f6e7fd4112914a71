package ru.voronka.whatsapp;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** «Загрузить вложение»: a refusal no retry fixes is «Вложение не получить»; any other failure is retried. */
@Component("downloadClientMedia")
class DownloadClientMedia implements JavaDelegate {

  private final MediaDownloads media;

  DownloadClientMedia(MediaDownloads media) {
    this.media = media;
  }

  @Override
  public void execute(DelegateExecution execution) {
    try {
      media.download(((Number) execution.getVariable("mediaId")).longValue());
    } catch (MediaSources.Refused e) {
      throw new BpmnError("MEDIA_REFUSED", e.getMessage());
    }
  }
}
