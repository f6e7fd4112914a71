package ru.voronka.deals.process;

/** processes/internal-approval.bpmn: the РОП approves the documents or returns them with a comment. */
public final class InternalApprovalProcess {

  public static final String KEY = "internalApproval";
  public static final String TASK_APPROVE = "Task_ApproveDocuments";
  public static final String TASK_REWORK = "Task_ReworkDocuments";
  public static final String DECISION = "approvalDecision";
  public static final String COMMENT = "approvalComment";
  public static final String APPROVED = "APPROVED";
  public static final String RETURNED = "RETURNED";

  private InternalApprovalProcess() {}
}
