package ru.voronka.deals.process;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealLinks;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.KpLine;
import ru.voronka.deals.KpLineRepository;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;
import ru.voronka.platform.RussianFormats;

/**
 * The РОП decides on what she sees (issue 15): her «Согласовать счет и договор» carries, as a task
 * variable {@value #VARIABLE}, the documents to approve, the amount, the margin, the goods of the КП
 * and the link to the deal — read by the same form in Tasklist and in the workspace.
 */
@Component("showApprovalFacts")
class ShowApprovalFacts implements TaskListener {

  static final String VARIABLE = "approvalFacts";

  private final DealRepository deals;
  private final KpLineRepository kpLines;
  private final DealLinks links;

  ShowApprovalFacts(DealRepository deals, KpLineRepository kpLines, DealLinks links) {
    this.deals = deals;
    this.kpLines = kpLines;
    this.links = links;
  }

  @Override
  public void notify(DelegateTask task) {
    Object dealId = task.getVariable(Vars.DEAL_ID);
    if (dealId instanceof Number id) {
      deals.findById(id.longValue()).ifPresent(deal -> task.setVariableLocal(VARIABLE,
          facts(id.longValue(), deal, kpLines.findByDealIdOrderByLineNo(id.longValue()))));
    }
  }

  String facts(long dealId, Deal deal, List<KpLine> lines) {
    StringBuilder md = new StringBuilder();
    md.append("**На согласовании:** ").append(deal.getDocumentSet() == null ? "комплект документов ещё не определён"
        : deal.getDocumentSet().title()).append("\n\n");
    md.append("**Сумма:** ").append(RussianFormats.money(deal.getAmount()));
    md.append(" · **Маржа:** ").append(RussianFormats.money(deal.getMargin()));
    if (deal.getMargin() != null && deal.getAmount() != null && deal.getAmount().signum() > 0) {
      md.append(" (").append(deal.getMargin().multiply(BigDecimal.valueOf(100))
          .divide(deal.getAmount(), 1, RoundingMode.HALF_UP).toPlainString().replace('.', ',')).append(" %)");
    }
    md.append("\n\n");
    if (deal.getPaymentTerms() != null) {
      md.append("**Оплата:** ").append(deal.getPaymentTerms().title()).append("\n\n");
    }
    if (lines.isEmpty()) {
      md.append("Товарных позиций КП нет.\n\n");
    } else {
      md.append("**Товарные позиции КП (").append(lines.size()).append("):**\n\n");
      for (KpLine line : lines) {
        md.append("- ").append(line.getName()).append(" — ").append(line.getQuantity().stripTrailingZeros().toPlainString())
            .append(line.getUnit() == null ? "" : " " + line.getUnit());
        if (line.getTotal() != null) {
          md.append(" = ").append(RussianFormats.money(line.getTotal()));
        }
        md.append('\n');
      }
      md.append('\n');
    }
    md.append("[Открыть сделку №").append(dealId).append(" в Воронке](").append(links.workspace(dealId))
        .append(") · [документы сделки](").append(links.workspace(dealId)).append("?tab=documents)");
    return md.toString();
  }
}
