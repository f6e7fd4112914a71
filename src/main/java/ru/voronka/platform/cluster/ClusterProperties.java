package ru.voronka.platform.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code voronka.cluster.*}: how long a silent leader keeps the scheduled work ({@code lock-ttl}),
 * how often the leader renews its lock and the others try for it ({@code heartbeat}, well under the TTL);
 * {@code region}: the nodes that elect one leader among them (one per database; tests set their own).
 */
@ConfigurationProperties("voronka.cluster")
record ClusterProperties(@DefaultValue("PT30S") Duration lockTtl, @DefaultValue("PT5S") Duration heartbeat,
    @DefaultValue("voronka") String region) {

  ClusterProperties {
    if (heartbeat.compareTo(lockTtl) >= 0) {
      throw new IllegalArgumentException("voronka.cluster.heartbeat must be shorter than voronka.cluster.lock-ttl");
    }
  }
}
