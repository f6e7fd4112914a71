package ru.voronka.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.voronka.platform.web.DomainException;

/** Stage buttons follow the process (issue 15, FUN-10): what each stage offers, what only the РОП may skip. */
class StageRulesTest {

  static final Viewer MANAGER = Viewer.of("petrov", List.of("managers"));
  static final Viewer ROP = Viewer.of("smirnova", List.of("rop"));

  static Deal at(DealStage stage, DocumentSet documents) {
    Deal deal = new Deal("Поставка клапанов", Funnel.SALES, null);
    if (stage != DealStage.NEW) {
      deal.moveTo(stage);
    }
    deal.setDocumentSet(documents);
    return deal;
  }

  @Test
  void eachStageOffersOnlyItsNextStep() {
    assertThat(StageRules.actions(at(DealStage.NEW, null))).containsExactly(DealAction.TAKE_INTO_WORK);
    assertThat(StageRules.actions(at(DealStage.IN_WORK, null))).containsExactly(DealAction.KP_SENT);
    assertThat(StageRules.actions(at(DealStage.KP, null))).isEmpty(); // the client's answer to the КП decides
    assertThat(StageRules.actions(at(DealStage.CONTRACT, null))).isEmpty(); // the РОП's approval decides
    assertThat(StageRules.actions(at(DealStage.INVOICE, null))).containsExactly(DealAction.PAID);
    assertThat(StageRules.actions(at(DealStage.ACCEPTED, null))).containsExactly(DealAction.READY_TO_SHIP);
    assertThat(StageRules.actions(at(DealStage.TO_SHIP, null))).containsExactly(DealAction.DELIVERED);
    assertThat(StageRules.actions(at(DealStage.SHIPPED, null))).containsExactly(DealAction.WON);
  }

  @Test
  void paidAtTheKpStage_isRefusedToAManagerWithTheReason_theРопMayJump() {
    Deal deal = at(DealStage.KP, DocumentSet.CONTRACT_AND_INVOICE);
    assertThatThrownBy(() -> StageRules.check(deal, DealAction.PAID, MANAGER)).isInstanceOf(DomainException.class)
        .hasMessage("Кнопка «Оплачено» — для стадии «Счет», а сделка на стадии «КП»");
    assertThatThrownBy(() -> StageRules.check(deal, DealStage.LAUNCH, MANAGER))
        .hasMessage("Переход «КП» → «Запуск реализации сделки» минует согласование РОП и оплату: так перевести сделку может только РОП");
    assertThatCode(() -> StageRules.check(deal, DealAction.PAID, ROP)).doesNotThrowAnyException();
  }

  @Test
  void aMoveByHand_pastTheApprovalOrThePayment_isTheРопs_backwardsIsAnybodys() {
    Deal contract = at(DealStage.CONTRACT, DocumentSet.CONTRACT_AND_INVOICE);
    assertThat(StageRules.passes(contract, DealStage.INVOICE)).isEqualTo("согласование счета и договора РОП");
    assertThat(StageRules.passes(contract, DealStage.KP)).isNull();
    Deal small = at(DealStage.KP, DocumentSet.INVOICE); // up to 150 000 ₽: no approval, only the payment
    assertThat(StageRules.passes(small, DealStage.INVOICE)).isNull();
    assertThat(StageRules.passes(at(DealStage.INVOICE, DocumentSet.INVOICE), DealStage.TO_SHIP)).isEqualTo("оплату клиента");
    assertThat(StageRules.passes(at(DealStage.LAUNCH, DocumentSet.INVOICE), DealStage.SHIPPED)).isNull();
  }
}
