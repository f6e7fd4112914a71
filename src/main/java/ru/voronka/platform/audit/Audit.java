package ru.voronka.platform.audit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail of what administrators did. It joins the caller's transaction: an audited action
 * that rolls back leaves no entry, and an action never happens without its entry.
 */
@Service
public class Audit {

  private final AuditRepository entries;

  Audit(AuditRepository entries) {
    this.entries = entries;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void record(String actor, String action, String subjectType, Object subjectId, String details) {
    entries.save(new AuditEntry(actor, action, subjectType, String.valueOf(subjectId), details));
  }
}
