package ru.voronka.onec;

import java.util.Optional;

/**
 * The port to 1C:Enterprise (ONE-1, ONE-2). {@link ODataOneC} speaks 1C's standard OData
 * interface; {@link SimulatedOneC} stands in for it in the demo. Every method throws
 * {@link OneCUnavailableException} when 1C cannot answer, so the calling job retries.
 */
public interface OneC {

  /** The client's most recent commercial offer (KP) with its goods, or empty when 1C has none. */
  Optional<OneCKp> latestKp(String inn);

  /**
   * Creates a task for the logist in 1C and returns its reference; a task with the same subject
   * created before (a retry) is returned instead of a second one. Callers make subjects unique.
   */
  String createLogisticsTask(OneCLogisticsTask task);

  OneCTaskState logisticsTaskState(String ref);
}
