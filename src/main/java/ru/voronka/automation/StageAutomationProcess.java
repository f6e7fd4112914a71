package ru.voronka.automation;

/** processes/stage-automation.bpmn: its key, elements and variables, spelled once. */
public final class StageAutomationProcess {

  public static final String KEY = "stageAutomation";
  public static final String MESSAGE_STAGE_LEFT = "DealLeftStage";

  public static final String GATEWAY_WAIT = "Gateway_WaitForSendTime";
  public static final String TIMER_SEND_TIME = "Timer_SendTime";
  public static final String TASK_CHECK = "Task_CheckConditions";
  public static final String TASK_SEND = "Task_SendMessage";
  public static final String TASK_RECORD_SKIPPED = "Task_RecordSkipped";
  public static final String TASK_RECORD_CANCELLED = "Task_RecordCancelled";
  public static final String END_QUEUED = "EndEvent_Queued";
  public static final String END_SKIPPED = "EndEvent_Skipped";
  public static final String END_CANCELLED = "EndEvent_Cancelled";

  public static final class Vars {
    public static final String DEAL_ID = "dealId";
    public static final String ACTION_ID = "actionId";
    public static final String RUN_KEY = "runKey";
    public static final String STAGE = "stage";
    public static final String DUE_AT = "dueAt";
    public static final String SKIP_REASON = "skipReason";
    public static final String NEW_STAGE = "newStage";

    private Vars() {}
  }

  private StageAutomationProcess() {}
}
