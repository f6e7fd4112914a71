package ru.voronka.platform.db;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * State kept for the life of the current transaction — what it changed, to be written just before it
 * commits — as one of its synchronizations: Spring sets those aside with the transaction while a new one
 * (REQUIRES_NEW) runs inside it, so the inner one sees only its own. (A resource bound by key stays
 * visible to the inner one, which would then write the outer's changes, on rows the outer has locked.)
 */
public final class TransactionScoped {

  private TransactionScoped() {}

  /** The current transaction's state of this type, made and kept on first use; null outside a transaction. */
  public static <T extends TransactionSynchronization> T get(Class<T> type, Supplier<T> create) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    T kept = find(type);
    if (kept == null) {
      kept = create.get();
      TransactionSynchronizationManager.registerSynchronization(kept);
    }
    return kept;
  }

  /** The current transaction's state of this type if it has any; null otherwise. */
  public static <T extends TransactionSynchronization> T find(Class<T> type) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (type.isInstance(synchronization)) {
        return type.cast(synchronization);
      }
    }
    return null;
  }
}
