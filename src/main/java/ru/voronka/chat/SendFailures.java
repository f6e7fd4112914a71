package ru.voronka.chat;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Marks a message «Ошибка» in a transaction of its own: the failing job's transaction rolls back. */
@Component
class SendFailures {

  private final ClientDelivery delivery;

  SendFailures(ClientDelivery delivery) {
    this.delivery = delivery;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(Long messageId, String reason) {
    delivery.markFailed(messageId, reason);
  }
}
