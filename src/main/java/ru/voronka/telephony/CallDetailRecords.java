package ru.voronka.telephony;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Asterisk's call detail records: what the PBX itself wrote about calls, read when Voronka was not
 * listening (an AMI outage, a restart, a takeover). Asterisk writes one record per leg it dialled
 * (a desk that did not answer, then the one that did), each with the call's Linkedid.
 */
interface CallDetailRecords {

  /** One CDR as cdr_pgsql writes it; {@code answer} is null when the leg was never answered. */
  record Cdr(String linkedId, String uniqueId, String channel, String dstChannel, String lastApp, String lastData, String src,
      String dst, String disposition, Instant start, Instant answer, Instant end) {}

  /** The records of calls that ended at or after {@code from}, and of the given calls whenever they ended. */
  List<Cdr> endedSince(Instant from, Collection<String> alsoLinkedIds);
}
