package ru.voronka.deals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.deals.process.DealProcesses;
import ru.voronka.onec.OneC;
import ru.voronka.onec.OneCKp;
import ru.voronka.onec.OneCKpLine;
import ru.voronka.platform.CurrentActor;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * FUN-4, ONE-1: the KP and its nomenclature from 1C for deals with a Russian direction. The 1C КП
 * proposes, the manager decides (issue 15): it is kept beside the deal's lines with its number and
 * date and replaces them — lines, amount, and the margin at the same percentage — only when the
 * manager confirms.
 */
@Service
@Transactional
public class KpImport {

  static final String SOURCE_ONE_C = "ONE_C";

  private final OneC oneC;
  private final DealRepository deals;
  private final KpLineRepository lines;
  private final KpProposalRepository proposals;
  private final DealHistory history;
  private final DealProcesses processes;
  private final Clock clock;

  KpImport(OneC oneC, DealRepository deals, KpLineRepository lines, KpProposalRepository proposals, DealHistory history,
      DealProcesses processes, Clock clock) {
    this.oneC = oneC;
    this.deals = deals;
    this.lines = lines;
    this.proposals = proposals;
    this.history = history;
    this.processes = processes;
    this.clock = clock;
  }

  /** Looks for the client's latest КП in 1C and keeps it as the deal's proposal; the deal itself stays as it is. */
  public Optional<KpProposal> proposeFromOneC(Long dealId) {
    Deal deal = deals.findById(dealId).orElseThrow(() -> new DealNotFoundException(dealId));
    String inn = deal.getCounterparty() == null ? null : deal.getCounterparty().getInn();
    if (inn == null || inn.isBlank()) {
      history.recordOutcome(dealId, CurrentActor.SYSTEM, HistoryKind.ONE_C,
          "КП из 1С не загружено: у клиента не указан ИНН. Заполните КП вручную", false);
      return Optional.empty();
    }
    Optional<OneCKp> found = oneC.latestKp(inn);
    if (found.isEmpty()) {
      history.recordOutcome(dealId, CurrentActor.SYSTEM, HistoryKind.ONE_C,
          "В 1С нет КП для клиента с ИНН " + inn + ". Заполните КП вручную", false);
      return Optional.empty();
    }
    OneCKp kp = found.get();
    proposals.findByDealId(dealId).ifPresent(old -> {
      proposals.delete(old);
      proposals.flush();
    });
    KpProposal proposal = new KpProposal(dealId, kp.ref(), kp.number(), kp.date(), kp.total(), clock.instant());
    for (OneCKpLine line : kp.lines()) {
      proposal.getLines().add(new KpProposal.Line(line.lineNo(), line.code(), line.name(), line.unit(), line.quantity(), line.price()));
    }
    proposals.save(proposal);
    history.recordOutcome(dealId, CurrentActor.SYSTEM, HistoryKind.ONE_C, "В 1С найдено КП №" + kp.number() + " от "
        + RussianFormats.date(kp.date()) + ": позиций " + kp.lines().size() + " на " + RussianFormats.money(kp.total())
        + ". Строки сделки заменит менеджер, если подтвердит", true);
    return Optional.of(proposal);
  }

  @Transactional(readOnly = true)
  public Optional<KpProposal> proposal(Long dealId) {
    return proposals.findByDealId(dealId);
  }

  /** The margin the deal would have with the proposal: the same share of the new amount; null when unknown. */
  public static BigDecimal marginFor(Deal deal, BigDecimal newAmount) {
    if (deal.getMargin() == null || deal.getAmount() == null || deal.getAmount().signum() <= 0) {
      return deal.getMargin();
    }
    return deal.getMargin().multiply(newAmount).divide(deal.getAmount(), 2, RoundingMode.HALF_UP);
  }

  /** The manager takes the 1C КП: its lines replace the deal's, its total is the amount, the margin keeps its share. */
  public Deal accept(Long dealId, Long proposalId, Viewer viewer) {
    Deal deal = manageable(dealId, viewer);
    KpProposal proposal = current(dealId, proposalId);
    lines.deleteAll(lines.findByDealIdOrderByLineNo(dealId));
    lines.flush();
    for (KpProposal.Line line : proposal.getLines()) {
      lines.save(new KpLine(dealId, line.getLineNo(), line.getCode(), line.getName(), line.getUnit(), line.getQuantity(),
          line.getPrice(), SOURCE_ONE_C));
    }
    BigDecimal oldAmount = deal.getAmount();
    BigDecimal oldMargin = deal.getMargin();
    BigDecimal margin = marginFor(deal, proposal.getTotal());
    deal.setAmount(proposal.getTotal());
    deal.setMargin(margin);
    processes.amountChanged(dealId, proposal.getTotal());
    proposals.delete(proposal);
    history.recordOutcome(dealId, viewer.userId(), HistoryKind.ONE_C, "Строки сделки заменены КП №" + proposal.getNumber() + " от "
        + RussianFormats.date(proposal.getKpDate()) + " из 1С: позиций " + proposal.getLines().size() + "; сумма "
        + RussianFormats.money(oldAmount) + " → " + RussianFormats.money(proposal.getTotal()) + ", маржа "
        + RussianFormats.money(oldMargin) + " → " + RussianFormats.money(margin), true);
    return deal;
  }

  /** The manager keeps the deal's own lines; the 1C КП is put aside. */
  public Deal decline(Long dealId, Long proposalId, Viewer viewer) {
    Deal deal = manageable(dealId, viewer);
    KpProposal proposal = current(dealId, proposalId);
    proposals.delete(proposal);
    history.record(dealId, viewer.userId(), HistoryKind.ONE_C, "КП №" + proposal.getNumber() + " из 1С отклонено: строки сделки оставлены");
    return deal;
  }

  private KpProposal current(Long dealId, Long proposalId) {
    return proposals.findByDealId(dealId).filter(p -> proposalId == null || p.getId().equals(proposalId))
        .orElseThrow(() -> new DomainException(Kind.CONFLICT, "Предложение КП из 1С уже рассмотрено или заменено новым: обновите страницу"));
  }

  private Deal manageable(Long dealId, Viewer viewer) {
    Deal deal = deals.findById(dealId).filter(viewer::mayView).orElseThrow(() -> new DealNotFoundException(dealId));
    if (!viewer.mayManage(deal)) {
      throw new DomainException(Kind.FORBIDDEN, "КП сделки меняет её ответственный или РОП");
    }
    deal.requireOpen();
    return deal;
  }
}
