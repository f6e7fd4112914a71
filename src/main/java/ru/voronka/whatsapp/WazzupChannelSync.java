package ru.voronka.whatsapp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import ru.voronka.messaging.ClientMessenger;
import ru.voronka.platform.cluster.ScheduledWork;

/** Reads Wazzup's channels and their states every ten minutes (and on an administrator's request). */
@Component
@ConditionalOnProperty(name = "voronka.whatsapp.provider", havingValue = "wazzup")
public class WazzupChannelSync {

  private static final Logger log = LoggerFactory.getLogger(WazzupChannelSync.class);

  private final ClientMessenger messenger;
  private final WhatsAppChannels channels;
  private final ScheduledWork scheduledWork;

  WazzupChannelSync(ClientMessenger messenger, WhatsAppChannels channels, ScheduledWork scheduledWork) {
    this.messenger = messenger;
    this.channels = channels;
    this.scheduledWork = scheduledWork;
  }

  /** Every ten minutes, by one node of the cluster. */
  @Scheduled(fixedDelay = 600_000, initialDelay = 5_000)
  void syncOnSchedule() {
    if (scheduledWork.here()) {
      sync();
    }
  }

  public int sync() {
    if (!(messenger instanceof WazzupMessenger wazzup)) {
      return 0;
    }
    try {
      var reported = wazzup.channels();
      reported.forEach(c -> channels.reported(WazzupMessenger.PROVIDER, c.channelId(), c.phone(), c.state()));
      return reported.size();
    } catch (RestClientException e) {
      log.warn("Wazzup channels not read: {}", e.getMessage());
      return -1;
    }
  }
}
