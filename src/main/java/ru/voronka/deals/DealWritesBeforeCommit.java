package ru.voronka.deals;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Just before a writing transaction commits: the session's waiting writes are flushed — once — so the JPA
 * listeners' events of every deal and client it changed have arrived ({@link DealWrites}); then the deals'
 * search texts are written, then the board's tally. In that order in every commit: the texts lock deal rows,
 * the tally its own rows, so two commits never wait on each other in a circle.
 */
@Component
class DealWritesBeforeCommit implements TransactionExecutionListener {

  private final EntityManager entities;
  private final EntityManagerFactory entityManagers;
  private final DealSearchText searchText;
  private final DealTally tally;

  DealWritesBeforeCommit(EntityManager entities, EntityManagerFactory entityManagers, DealSearchText searchText,
      DealTally tally) {
    this.entities = entities;
    this.entityManagers = entityManagers;
    this.searchText = searchText;
    this.tally = tally;
  }

  @Override
  public void beforeCommit(TransactionExecution transaction) {
    if (transaction.isReadOnly() || EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagers) == null) {
      return;
    }
    entities.flush();
    searchText.writePending();
    tally.addPending();
  }
}
