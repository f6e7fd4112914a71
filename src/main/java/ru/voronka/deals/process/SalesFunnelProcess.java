package ru.voronka.deals.process;

/** The «Продажа» model (processes/sales-funnel.bpmn): its key, messages, element ids and variables, spelled once. */
public final class SalesFunnelProcess {

  public static final String KEY = "salesFunnel";
  public static final String MESSAGE_STAGE_CHANGE = "StageChangeRequested";
  public static final String MESSAGE_DEAL_LOST = "DealLost";

  private SalesFunnelProcess() {}

  /** User tasks, by the id in the model. */
  public static final class Tasks {
    public static final String TAKE_REQUEST = "Task_TakeRequest";
    public static final String CHECK_ITEMS = "Task_CheckItems";
    public static final String SEND_KP = "Task_SendKp";
    public static final String GET_KP_FEEDBACK = "Task_GetKpFeedback";
    public static final String REWORK_KP = "Task_ReworkKp";
    public static final String SEND_FOR_SIGNING = "Task_SendForSigning";
    public static final String SEND_INVOICE = "Task_SendInvoice";
    public static final String GET_PAYMENT = "Task_GetPayment";
    public static final String REWORK_INVOICE = "Task_ReworkInvoice";
    public static final String ENTER_PAYMENT_SCHEDULE = "Task_EnterPaymentSchedule";
    public static final String CONTROL_WORKS = "Task_ControlWorks";
    public static final String CONTROL_PACKING = "Task_ControlPacking";
    public static final String CHECK_CLIENT_PAYMENT = "Task_CheckClientPayment";
    public static final String SHIP_GOODS = "Task_ShipGoods";
    public static final String CONTROL_SHIPMENT = "Task_ControlShipment";
    public static final String SEND_ACTS = "Task_SendActs";
    public static final String SEND_UPD = "Task_SendUpd";

    private Tasks() {}
  }

  /** Process variables. Values are plain types: ids, strings, numbers, booleans, dates — never entities. */
  public static final class Vars {
    public static final String DEAL_ID = "dealId";
    public static final String RESPONSIBLE = "responsible";
    public static final String ENTRY_STAGE = "entryStage";
    public static final String TARGET_STAGE = "targetStage";

    /** Set on every completed user task: who completed it (the global task listener). */
    public static final String COMPLETED_BY = "completedBy";

    // «Новая заявка» start form and take-request form
    public static final String TITLE = "title";
    public static final String CLIENT_NAME = "clientName";
    public static final String CLIENT_PHONE = "clientPhone";
    public static final String CLIENT_INN = "clientInn";
    public static final String CONTACT_NAME = "contactName";
    public static final String DIRECTION = "direction";
    public static final String TAKE_DECISION = "takeDecision";
    public static final String REFUSAL_REASON = "refusalReason";

    // deal fields edited by forms, saved by ${saveDealFields}
    public static final String PRIORITY = "priority";
    public static final String DELIVERY_DATE = "deliveryDate";
    public static final String AMOUNT = "amount";
    public static final String MARGIN = "margin";
    public static final String PAYMENT_TERMS = "paymentTerms";
    public static final String PAYMENT_DATE = "paymentDate";
    public static final String DOCUMENT_SET = "documentSet";
    public static final String APPROVAL_REQUIRED = "approvalRequired";

    public static final String KP_STATUS = "kpStatus";
    public static final String PAID = "paid";
    public static final String COMMENT = "comment";
    public static final String TRANCHES = "tranches";

    public static final String LOST_REASON = "lostReason";
    public static final String LOST_COMMENT = "lostComment";

    // input parameters of reusable service tasks
    public static final String DEADLINE = "deadline";
    public static final String MIRRORED_TASK = "mirroredTask";

    private Vars() {}
  }
}
