package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.ClientMessageTemplate;
import ru.voronka.deals.ClientMessages;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/** «Отправить клиенту …»: the input parameter {@code template} picks the message (FUN-2, FUN-9). */
@Component("sendFunnelMessage")
class SendFunnelMessage implements JavaDelegate {

  private final ClientMessages messages;

  SendFunnelMessage(ClientMessages messages) {
    this.messages = messages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    messages.send((Long) execution.getVariable(Vars.DEAL_ID),
        ClientMessageTemplate.valueOf((String) execution.getVariable(Vars.TEMPLATE)));
  }
}
