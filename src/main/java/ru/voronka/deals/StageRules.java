package ru.voronka.deals;

import java.util.Arrays;
import java.util.List;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * Stage buttons follow the process (FUN-10, issue 15): at each stage only the action that is its
 * next step is offered; a move by hand that passes the РОП's approval of the contract or the
 * client's payment is the РОП's alone, and a manager is told why.
 */
public final class StageRules {

  private StageRules() {}

  /** The stage at which the action is the process's next step. */
  public static DealStage from(DealAction action) {
    return switch (action) {
      case TAKE_INTO_WORK -> DealStage.NEW;
      case KP_SENT -> DealStage.IN_WORK;
      case PAID -> DealStage.INVOICE;
      case READY_TO_SHIP -> DealStage.ACCEPTED;
      case DELIVERED -> DealStage.TO_SHIP;
      case WON -> DealStage.SHIPPED;
    };
  }

  /** The buttons shown at the deal's stage: only those valid there; none for a closed deal or another funnel. */
  public static List<DealAction> actions(Deal deal) {
    if (!deal.isOpen() || deal.getFunnel() != Funnel.SALES) {
      return List.of();
    }
    return Arrays.stream(DealAction.values()).filter(a -> from(a) == deal.getStage()).toList();
  }

  /** What a move from the deal's stage to the target passes that only the РОП may skip; null when nothing. */
  public static String passes(Deal deal, DealStage target) {
    DealStage current = deal.getStage();
    if (target.funnel() != Funnel.SALES || current.funnel() != Funnel.SALES || target.ordinal() <= current.ordinal()) {
      return null; // back or sideways: redoing a step needs nobody's leave
    }
    boolean approvalNeeded = deal.getDocumentSet() != DocumentSet.INVOICE;
    boolean approval = approvalNeeded && current.ordinal() <= DealStage.CONTRACT.ordinal() && target.ordinal() >= DealStage.INVOICE.ordinal();
    boolean payment = current.ordinal() <= DealStage.INVOICE.ordinal() && target.ordinal() >= DealStage.LAUNCH.ordinal();
    if (approval && payment) {
      return "согласование РОП и оплату";
    }
    if (approval) {
      return "согласование счета и договора РОП";
    }
    return payment ? "оплату клиента" : null;
  }

  /** @throws DomainException (403) when a manager's move passes an approval or a payment */
  public static void check(Deal deal, DealStage target, Viewer viewer) {
    String passed = passes(deal, target);
    if (passed != null && !viewer.leadsSales()) {
      throw new DomainException(Kind.FORBIDDEN, "Переход «" + deal.getStage().title() + "» → «" + target.title()
          + "» минует " + passed + ": так перевести сделку может только РОП");
    }
  }

  /** @throws DomainException (409) when the button is not the next step at the deal's stage (the РОП may still jump) */
  public static void check(Deal deal, DealAction action, Viewer viewer) {
    if (from(action) != deal.getStage() && !viewer.leadsSales()) {
      throw new DomainException(Kind.CONFLICT, "Кнопка «" + action.title() + "» — для стадии «" + from(action).title()
          + "», а сделка на стадии «" + deal.getStage().title() + "»");
    }
    check(deal, action.target(), viewer);
  }
}
