package ru.voronka.deals;

import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.onec.OneC;
import ru.voronka.onec.OneCKp;
import ru.voronka.onec.OneCKpLine;
import ru.voronka.platform.CurrentActor;
import ru.voronka.platform.RussianFormats;

/** FUN-4, ONE-1: the KP and its nomenclature, taken from 1C for deals with a Russian direction. */
@Service
@Transactional
public class KpImport {

  static final String SOURCE_ONE_C = "ONE_C";

  private final OneC oneC;
  private final DealRepository deals;
  private final KpLineRepository lines;
  private final DealHistory history;

  KpImport(OneC oneC, DealRepository deals, KpLineRepository lines, DealHistory history) {
    this.oneC = oneC;
    this.deals = deals;
    this.lines = lines;
    this.history = history;
  }

  /** @return the KP total when one was imported; empty when 1C has none for this client (logged) */
  public Optional<BigDecimal> importFromOneC(Long dealId) {
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
    lines.deleteByDealIdAndSource(dealId, SOURCE_ONE_C);
    for (OneCKpLine line : kp.lines()) {
      lines.save(new KpLine(dealId, line.lineNo(), line.code(), line.name(), line.unit(), line.quantity(), line.price(), SOURCE_ONE_C));
    }
    deal.setAmount(kp.total());
    history.recordOutcome(dealId, CurrentActor.SYSTEM, HistoryKind.ONE_C, "Загружено КП №" + kp.number() + " от "
        + RussianFormats.date(kp.date()) + " из 1С: позиций " + kp.lines().size() + " на " + RussianFormats.money(kp.total()), true);
    return Optional.of(kp.total());
  }
}
