package ru.voronka.deals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.voronka.deals.process.DealProcesses;
import ru.voronka.onec.OneC;
import ru.voronka.onec.OneCLogisticsTask;
import ru.voronka.onec.OneCTaskState;
import ru.voronka.platform.CurrentActor;

/**
 * Mirrors logistics tasks to 1C and brings their status back: the logist may finish the task in
 * 1C, and then its twin in Voronka completes by itself.
 */
@Service
public class LogisticsMirroring {

  private static final Logger log = LoggerFactory.getLogger(LogisticsMirroring.class);

  private final OneC oneC;
  private final LogisticsMirrorRepository mirrors;
  private final DealRepository deals;
  private final DealHistory history;
  private final DealProcesses processes;
  private final TransactionTemplate tx;

  private final Clock clock;

  LogisticsMirroring(OneC oneC, LogisticsMirrorRepository mirrors, DealRepository deals, DealHistory history,
      DealProcesses processes, TransactionTemplate tx, Clock clock) {
    this.clock = clock;
    this.oneC = oneC;
    this.mirrors = mirrors;
    this.deals = deals;
    this.history = history;
    this.processes = processes;
    this.tx = tx;
  }

  /** Runs inside the calling job's transaction: a 1C failure rolls it back and the job retries. */
  public LogisticsMirror mirror(Long dealId, String processInstanceId, String taskKey, String subject) {
    Deal deal = deals.findById(dealId).orElseThrow(() -> new DealNotFoundException(dealId));
    String client = deal.getCounterparty() == null ? "" : ", клиент «" + deal.getCounterparty().getName() + "»";
    // The subject names the deal and this assignment: 1C's task is found again by it when the job retries.
    String assignment = processInstanceId.length() > 8 ? processInstanceId.substring(0, 8) : processInstanceId;
    String ref = oneC.createLogisticsTask(new OneCLogisticsTask(dealId,
        subject + " — сделка №" + dealId + ", поручение " + assignment,
        "Сделка «" + deal.getTitle() + "»" + client + ". Задание поставлено из Voronka.",
        deal.getDeliveryDate() != null ? deal.getDeliveryDate() : LocalDate.now(clock).plusDays(3)));
    LogisticsMirror mirror = mirrors.save(new LogisticsMirror(dealId, processInstanceId, taskKey, ref));
    history.record(dealId, CurrentActor.SYSTEM, HistoryKind.ONE_C, "Задание «" + subject + "» передано логисту в 1С");
    return mirror;
  }

  /** Every open logistics task's status from 1C; on schedule by {@link LogisticsPolling}, on one node. */
  public void pollOpenTasks() {
    for (LogisticsMirror open : mirrors.findByExecutedFalseOrderByIdAsc()) {
      try {
        tx.executeWithoutResult(status -> refresh(open.getId()));
      } catch (RuntimeException e) {
        // 1C down or a concurrent completion on another node: the next poll tries again.
        log.warn("1C status of logistics task {} not refreshed: {}", open.getOnecRef(), e.getMessage());
      }
    }
  }

  void refresh(Long mirrorId) {
    LogisticsMirror mirror = mirrors.findById(mirrorId).orElseThrow();
    OneCTaskState state = oneC.logisticsTaskState(mirror.getOnecRef());
    if (!mirror.update(state.status(), state.executed())) {
      return;
    }
    history.record(mirror.getDealId(), CurrentActor.SYSTEM, HistoryKind.ONE_C, "Статус задания логиста в 1С: " + state.status());
    if (state.executed()) {
      processes.completeMirroredTask(mirror.getProcessInstanceId(), mirror.getTaskKey(), Map.of("completedIn1C", true));
    }
  }

  public List<LogisticsMirror> of(Long dealId) {
    return mirrors.findByDealIdOrderByIdAsc(dealId);
  }
}
