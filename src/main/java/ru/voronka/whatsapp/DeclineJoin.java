package ru.voronka.whatsapp;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** «Сообщить клиенту об отказе». */
@Component("declineJoin")
class DeclineJoin implements JavaDelegate {

  private final JoinAnswers answers;
  private final WhatsAppSettings settings;

  DeclineJoin(JoinAnswers answers, WhatsAppSettings settings) {
    this.answers = answers;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    answers.answer(execution, false, "Менеджер не подтвердил вступление в группу сделки №" + JoinAnswers.dealId(execution)
        + ". " + settings.text(WhatsAppSettings.AUTO_REPLY));
  }
}
