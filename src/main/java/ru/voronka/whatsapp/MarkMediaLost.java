package ru.voronka.whatsapp;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** «Отметить вложение неполученным»: the client's message says which file did not come, and why. */
@Component("markMediaLost")
class MarkMediaLost implements JavaDelegate {

  private final MediaDownloads media;

  MarkMediaLost(MediaDownloads media) {
    this.media = media;
  }

  @Override
  public void execute(DelegateExecution execution) {
    media.lost(((Number) execution.getVariable("mediaId")).longValue(), (String) execution.getVariable("failureReason"));
  }
}
