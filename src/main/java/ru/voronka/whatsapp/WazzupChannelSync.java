package ru.voronka.whatsapp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import ru.voronka.platform.cluster.ScheduledWork;

/** Reads Wazzup's channels and their states every ten minutes (and on an administrator's request), when Wazzup is connected. */
@Component
public class WazzupChannelSync {

  private static final Logger log = LoggerFactory.getLogger(WazzupChannelSync.class);

  private final WhatsAppServices services;
  private final WhatsAppChannels channels;
  private final ScheduledWork scheduledWork;

  WazzupChannelSync(WhatsAppServices services, WhatsAppChannels channels, ScheduledWork scheduledWork) {
    this.services = services;
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
    var connected = services.wazzup();
    if (connected.isEmpty()) {
      return -1;
    }
    WazzupMessenger wazzup = connected.get();
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
