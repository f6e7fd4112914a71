package ru.voronka.deals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.platform.CurrentActor;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * The payment schedule of FUN-6: tranches in percent with due dates, summing to exactly 100.
 * Also the expression bean the payment-control model reads ({@code ${paymentSchedule.dueDate(trancheId)}}).
 */
@Component("paymentSchedule")
@Transactional
public class PaymentSchedule {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final PaymentTrancheRepository tranches;
  private final DealRepository deals;
  private final DealHistory history;
  private final CurrentActor actor;

  private final Clock clock;

  PaymentSchedule(PaymentTrancheRepository tranches, DealRepository deals, DealHistory history, CurrentActor actor, Clock clock) {
    this.clock = clock;
    this.tranches = tranches;
    this.deals = deals;
    this.history = history;
    this.actor = actor;
  }

  public record TrancheInput(BigDecimal percent, LocalDate dueDate) {}

  /** Reads the form's list: [{"percent": 50, "dueDate": "2026-12-01"}, …]. */
  public static List<TrancheInput> fromForm(Object value) {
    if (!(value instanceof List<?> rows) || rows.isEmpty()) {
      throw new DomainException(Kind.INVALID, "Внесите хотя бы один транш графика оплаты");
    }
    List<TrancheInput> result = new ArrayList<>();
    int n = 0;
    for (Object row : rows) {
      n++;
      if (!(row instanceof Map<?, ?> map)) {
        throw new DomainException(Kind.INVALID, "Транш " + n + ": неверный формат строки графика");
      }
      BigDecimal percent = ProcessValues.money(map.get("percent"), "Транш " + n + ": процент");
      LocalDate due = ProcessValues.date(map.get("dueDate"), "Транш " + n + ": дата оплаты");
      if (percent == null || due == null) {
        throw new DomainException(Kind.INVALID, "Транш " + n + ": укажите процент и дату оплаты");
      }
      result.add(new TrancheInput(percent, due));
    }
    return result;
  }

  /** Replaces the deal's schedule; refused unless every tranche is above zero and they sum to 100 %. */
  public List<PaymentTranche> replace(Long dealId, List<TrancheInput> input) {
    Deal deal = deals.findById(dealId).orElseThrow(() -> new DealNotFoundException(dealId));
    deal.requireOpen();
    if (input.isEmpty()) {
      throw new DomainException(Kind.INVALID, "Внесите хотя бы один транш графика оплаты");
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < input.size(); i++) {
      TrancheInput t = input.get(i);
      if (t.percent().signum() <= 0 || t.percent().compareTo(HUNDRED) > 0) {
        throw new DomainException(Kind.INVALID, "Транш " + (i + 1) + ": процент должен быть больше 0 и не больше 100");
      }
      sum = sum.add(t.percent());
    }
    if (sum.compareTo(HUNDRED) != 0) {
      throw new DomainException(Kind.INVALID,
          "Сумма траншей графика оплаты должна быть ровно 100 %, сейчас " + sum.stripTrailingZeros().toPlainString() + " %");
    }
    tranches.findByDealIdAndCancelledFalseOrderBySeq(dealId).forEach(PaymentTranche::cancel);
    List<PaymentTranche> saved = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < input.size(); i++) {
      TrancheInput t = input.get(i);
      PaymentTranche tranche = tranches.save(new PaymentTranche(dealId, i + 1, t.percent(), t.dueDate()));
      saved.add(tranche);
      lines.add(t.percent().stripTrailingZeros().toPlainString() + " % до " + RussianFormats.date(t.dueDate())
          + (deal.getAmount() == null ? "" : " (" + RussianFormats.money(tranche.amountOf(deal.getAmount())) + ")"));
    }
    history.record(dealId, actor.userId(), HistoryKind.PAYMENT, "График оплаты: " + String.join("; ", lines));
    return saved;
  }

  @Transactional(readOnly = true)
  public List<PaymentTranche> current(Long dealId) {
    return tranches.findByDealIdAndCancelledFalseOrderBySeq(dealId);
  }

  @Transactional(readOnly = true)
  public List<Long> openTrancheIds(Long dealId) {
    return current(dealId).stream().filter(t -> !t.isPaid()).map(PaymentTranche::getId).toList();
  }

  /** The end of the due day in Moscow: a tranche paid during its due date is on time. */
  @Transactional(readOnly = true)
  public Date dueDate(Long trancheId) {
    LocalDate due = tranche(trancheId).getDueDate();
    return Date.from(due.plusDays(1).atStartOfDay(RussianFormats.MOSCOW).toInstant());
  }

  /** @param paidOn the day the money arrived, as the manager saw it in the bank statement */
  public void markPaid(Long trancheId, LocalDate paidOn) {
    PaymentTranche tranche = tranche(trancheId);
    tranche.markPaid(clock.instant());
    history.record(tranche.getDealId(), actor.userId(), HistoryKind.PAYMENT,
        "Оплачен транш " + tranche.getSeq() + " (" + tranche.getPercent().stripTrailingZeros().toPlainString() + " %)"
            + (paidOn == null ? "" : ", деньги поступили " + RussianFormats.date(paidOn)));
  }

  public PaymentTranche markOverdueNotified(Long trancheId) {
    PaymentTranche tranche = tranche(trancheId);
    tranche.markOverdueNotified(clock.instant());
    return tranche;
  }

  @Transactional(readOnly = true)
  public PaymentTranche tranche(Long trancheId) {
    return tranches.findById(trancheId)
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Транш №" + trancheId + " не найден"));
  }
}
