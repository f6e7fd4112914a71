package ru.voronka.deals;

/** Action buttons of the deal card (seed 002): one press moves the deal to a stage, and the funnel follows. */
public enum DealAction {
  TAKE_INTO_WORK("Взять в работу", DealStage.IN_WORK),
  KP_SENT("КП отправлено", DealStage.KP),
  PAID("Оплачено", DealStage.LAUNCH),
  READY_TO_SHIP("К отгрузке", DealStage.TO_SHIP),
  DELIVERED("Доставлено", DealStage.SHIPPED),
  WON("Сделка успешна", DealStage.WON);

  private final String title;
  private final DealStage target;

  DealAction(String title, DealStage target) {
    this.title = title;
    this.target = target;
  }

  public String title() {
    return title;
  }

  public DealStage target() {
    return target;
  }
}
