package ru.voronka.whatsapp;

import java.sql.SQLTransientException;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A provider's delivery into the inbox. Its messages and statuses are stored in one transaction:
 * providers send several at once when they come fast, and each transaction costs more than a
 * message. Should that fail, each is stored again in a transaction of its own, so one bad message
 * never costs the others (nor makes the provider redeliver them for days); a message that fails on
 * its own is kept among the strangers' with the reason. Only when even that fails — the database is
 * away — does the delivery fail, for the provider to bring it again; what was stored is recognised.
 */
@Component
class InboxDeliveries {

  private static final Logger log = LoggerFactory.getLogger(InboxDeliveries.class);

  private final WhatsAppInbox inbox;
  private final TransactionTemplate transaction;

  InboxDeliveries(WhatsAppInbox inbox, PlatformTransactionManager transactions) {
    this.inbox = inbox;
    this.transaction = new TransactionTemplate(transactions);
  }

  void store(List<InboundMessage> messages, List<StatusChange> statuses) {
    try {
      transaction.executeWithoutResult(status -> {
        messages.forEach(inbox::receive);
        statuses.forEach(s -> inbox.statusChanged(s.externalId(), s.status(), s.reason()));
      });
      return;
    } catch (RuntimeException together) {
      if (messages.size() + statuses.size() > 1) {
        log.warn("A delivery of {} messages and {} statuses failed together ({}); storing each on its own",
            messages.size(), statuses.size(), together.toString());
      } else if (statuses.size() == 1) {
        throw together;
      }
    }
    for (InboundMessage message : messages) {
      try {
        inbox.receive(message);
      } catch (RuntimeException e) {
        if (passing(e)) {
          throw e; // the database stumbled, the message is fine: the provider brings it again
        }
        log.error("Message {} could not be routed; kept among the strangers' messages", message.externalId(), e);
        inbox.keepUnrouted(message, e.toString());
      }
    }
    RuntimeException statusFailure = null;
    for (StatusChange s : statuses) {
      try {
        inbox.statusChanged(s.externalId(), s.status(), s.reason());
      } catch (RuntimeException e) {
        statusFailure = e;
      }
    }
    if (statusFailure != null) {
      throw statusFailure; // the provider delivers the statuses again; the messages are recognised
    }
  }

  /**
   * A failure that passes by itself (a lock, a lost connection): no reason to keep the message aside.
   * A connection PostgreSQL closed under the transaction (a restart, a failover, an administrator's
   * pg_terminate_backend: SQLState class 08, 57P) arrives as a resource failure, not as a transient one —
   * or as the rollback's own failure on the dead connection («Connection is closed»), with the cause
   * only among the suppressed exceptions. A transaction that cannot be committed or rolled back says
   * nothing about the message either.
   */
  static boolean passing(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (Throwable suppressed : t.getSuppressed()) {
        if (suppressed != t && passing(suppressed)) {
          return true;
        }
      }
      if (t instanceof java.sql.SQLException sql && (sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))
          || "Connection is closed".equals(sql.getMessage()))) {
        return true;
      }
      if (t instanceof org.hibernate.TransactionException || t instanceof org.springframework.transaction.TransactionException) {
        return true;
      }
      if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
          || t instanceof org.springframework.dao.DataAccessResourceFailureException
          || t instanceof org.hibernate.exception.JDBCConnectionException || t instanceof java.sql.SQLRecoverableException
          || t instanceof CannotCreateTransactionException || t instanceof SQLTransientException
          || t instanceof OptimisticLockingException || t instanceof jakarta.persistence.OptimisticLockException
          || t instanceof org.hibernate.StaleStateException) {
        return true;
      }
    }
    return false;
  }
}
