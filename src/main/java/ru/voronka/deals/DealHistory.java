package ru.voronka.deals;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.deals.DealHistoryEntry.Status;

/** Appends to a deal's log; nothing here edits or removes an entry. */
@Service
@Transactional
public class DealHistory {

  private final DealHistoryRepository entries;

  DealHistory(DealHistoryRepository entries) {
    this.entries = entries;
  }

  public void record(Long dealId, String actor, HistoryKind kind, String text) {
    entries.save(new DealHistoryEntry(dealId, actor, kind, text));
  }

  public void recordStage(Long dealId, String actor, DealStage from, DealStage to, String text) {
    entries.save(new DealHistoryEntry(dealId, actor, HistoryKind.STAGE, text).stages(from, to));
  }

  public void recordOutcome(Long dealId, String actor, HistoryKind kind, String text, boolean ok) {
    entries.save(new DealHistoryEntry(dealId, actor, kind, text).status(ok ? Status.OK : Status.ERROR));
  }

  /**
   * A failure must stay in the log even though the surrounding work rolls back to be retried
   * (AUT-1: «Ошибка» and why), hence its own transaction.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordFailure(Long dealId, String actor, HistoryKind kind, String text) {
    recordOutcome(dealId, actor, kind, text, false);
  }

  @Transactional(readOnly = true)
  public Page<DealHistoryEntry> page(Long dealId, Pageable pageable) {
    return entries.findByDealIdOrderByAtDescIdDesc(dealId, pageable);
  }

  @Transactional(readOnly = true)
  public List<DealHistoryEntry> all(Long dealId) {
    return entries.findByDealIdOrderByIdAsc(dealId);
  }
}
