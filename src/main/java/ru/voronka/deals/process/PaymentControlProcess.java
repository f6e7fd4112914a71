package ru.voronka.deals.process;

/** processes/payment-control.bpmn: one waiting task and one due-date timer per tranche of the schedule. */
public final class PaymentControlProcess {

  public static final String KEY = "paymentControl";
  public static final String TASK_CONFIRM_TRANCHE = "Task_ConfirmTranchePayment";
  public static final String TRANCHE_ID = "trancheId";

  private PaymentControlProcess() {}
}
