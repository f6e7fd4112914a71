package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/** The deal id of a process started from a Tasklist form, where it is typed as a number. */
final class DealIds {

  private DealIds() {}

  static Long require(DelegateExecution execution) {
    Object value = execution.getVariable(Vars.DEAL_ID);
    if (value == null) {
      throw new DomainException(Kind.INVALID, "Укажите номер сделки");
    }
    Long dealId = value instanceof Number n ? n.longValue() : parse(value.toString());
    execution.setVariable(Vars.DEAL_ID, dealId);
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(DealProcesses.businessKey(dealId));
    }
    return dealId;
  }

  private static Long parse(String text) {
    try {
      return Long.valueOf(text.trim());
    } catch (NumberFormatException e) {
      throw new DomainException(Kind.INVALID, "Номер сделки «" + text + "» — не число");
    }
  }
}
