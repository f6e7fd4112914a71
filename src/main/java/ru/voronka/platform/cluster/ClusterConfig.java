package ru.voronka.platform.cluster;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.leader.DefaultCandidate;
import org.springframework.integration.leader.event.DefaultLeaderEventPublisher;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The lock table (migration V18), the lock registry on it, and this node's candidacy for leading the scheduled work. */
@Configuration
@EnableConfigurationProperties(ClusterProperties.class)
class ClusterConfig {

  static final String ROLE = "scheduled-work";

  @Bean
  DefaultLockRepository clusterLockRepository(DataSource dataSource, DataSourceProperties database, ClusterProperties cluster) {
    DefaultLockRepository repository = new DefaultLockRepository(dataSource);
    repository.setRegion(cluster.region());
    repository.setTimeToLive((int) cluster.lockTtl().toMillis());
    // Its own transactions on the pool, apart from JPA's and the engine's.
    repository.setTransactionManager(new DataSourceTransactionManager(dataSource));
    String url = database.determineUrl();
    if (url != null && url.startsWith("jdbc:postgresql:")) {
      // Two nodes inserting the same lock at once: the loser sees no row inserted instead of an aborted transaction.
      repository.setInsertQuery(repository.getInsertQuery() + " ON CONFLICT DO NOTHING");
    }
    return repository;
  }

  @Bean
  JdbcLockRegistry clusterLocks(DefaultLockRepository repository, ClusterProperties cluster) {
    JdbcLockRegistry registry = new JdbcLockRegistry(repository);
    // A node that does not lead asks for the lock about once a second, not every 100 ms.
    registry.setIdleBetweenTries(java.time.Duration.ofMillis(Math.min(1000, cluster.heartbeat().toMillis())));
    return registry;
  }

  @Bean
  LockRegistryLeaderInitiator clusterLeadership(JdbcLockRegistry locks, ClusterProperties cluster,
      ApplicationEventPublisher events) {
    LockRegistryLeaderInitiator initiator = new LockRegistryLeaderInitiator(locks, new DefaultCandidate(
        java.util.UUID.randomUUID().toString(), ROLE));
    initiator.setHeartBeatMillis(cluster.heartbeat().toMillis());
    initiator.setBusyWaitMillis(cluster.heartbeat().toMillis());
    initiator.setLeaderEventPublisher(new DefaultLeaderEventPublisher(events));
    return initiator;
  }
}
