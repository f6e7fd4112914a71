package ru.voronka.onec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo's 1C: every client with an INN has one KP of three goods whose quantities follow from
 * the INN, and logistics tasks wait until someone "executes" them in the simulator.
 */
class SimulatedOneC implements OneC {

  record SimulatedTask(String ref, OneCLogisticsTask task, boolean executed) {}

  private static final List<String[]> GOODS = List.of(
      new String[] {"00-00000112", "Преобразователь давления ПД-100", "шт", "18400.00"},
      new String[] {"00-00000245", "Кабель КВВГнг(А)-LS 4×1,5", "м", "96.50"},
      new String[] {"00-00000318", "Шкаф управления ШУ-3", "шт", "74200.00"});

  private final Map<String, SimulatedTask> tasks = new ConcurrentHashMap<>();
  private final Clock clock;

  SimulatedOneC(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Optional<OneCKp> latestKp(String inn) {
    if (inn == null || inn.isBlank()) {
      return Optional.empty();
    }
    int seed = Math.floorMod(inn.hashCode(), 7) + 1;
    List<OneCKpLine> lines = List.of(
        line(1, GOODS.get(0), seed),
        line(2, GOODS.get(1), seed * 100),
        line(3, GOODS.get(2), 1));
    BigDecimal total = lines.stream().map(l -> l.price().multiply(l.quantity()))
        .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    return Optional.of(new OneCKp(UUID.nameUUIDFromBytes(inn.getBytes()).toString(), "УТ-" + (1000 + seed),
        LocalDate.now(clock).minusDays(1), total, lines));
  }

  private static OneCKpLine line(int no, String[] goods, int quantity) {
    return new OneCKpLine(no, goods[0], goods[1], goods[2], BigDecimal.valueOf(quantity), new BigDecimal(goods[3]));
  }

  @Override
  public String createLogisticsTask(OneCLogisticsTask task) {
    Optional<String> earlier = tasks.values().stream().filter(t -> t.task().subject().equals(task.subject()))
        .map(SimulatedTask::ref).findFirst();
    if (earlier.isPresent()) { // idempotent by subject, as the OData adapter
      return earlier.get();
    }
    String ref = UUID.randomUUID().toString();
    tasks.put(ref, new SimulatedTask(ref, task, false));
    return ref;
  }

  @Override
  public OneCTaskState logisticsTaskState(String ref) {
    SimulatedTask task = tasks.get(ref);
    if (task == null) {
      throw new OneCUnavailableException("В симуляторе 1С нет задачи " + ref);
    }
    return OneCTaskState.of(task.executed());
  }

  Collection<SimulatedTask> tasks() {
    return tasks.values();
  }

  /** @return false when there is no such task */
  boolean execute(String ref) {
    return tasks.computeIfPresent(ref, (key, task) -> new SimulatedTask(key, task.task(), true)) != null;
  }
}
