/**
 * Several nodes on one PostgreSQL (PLT-4): which node runs the scheduled work. One node at a time
 * leads — it holds a lock of spring-integration-jdbc's {@code JdbcLockRegistry} (table INT_LOCK) and
 * renews it every heartbeat; the others try for it. A leader that dies or loses the database stops
 * renewing, its lock expires after {@code voronka.cluster.lock-ttl}, and another node takes over.
 * Camunda's jobs need none of this: the engine's job executor already runs each job once across nodes.
 */
@org.springframework.modulith.NamedInterface("cluster")
package ru.voronka.platform.cluster;
