package ru.voronka.whatsapp;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** «Допустить номер в группу и сообщить клиенту». */
@Component("admitToGroup")
class AdmitToGroup implements JavaDelegate {

  private final GroupAdmissions admissions;
  private final JoinAnswers answers;

  AdmitToGroup(GroupAdmissions admissions, JoinAnswers answers) {
    this.admissions = admissions;
    this.answers = answers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long dealId = JoinAnswers.dealId(execution);
    admissions.admit(dealId, (String) execution.getVariable("phone"), "process:" + execution.getProcessInstanceId());
    answers.answer(execution, true, "Вы добавлены в группу сделки №" + dealId + ". Пишите сюда — менеджер ответит.");
  }
}
