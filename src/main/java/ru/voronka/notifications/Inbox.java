package ru.voronka.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/** An employee's own notifications, newest first. Nobody sees or reads another's. */
@Service
@Transactional(readOnly = true)
class Inbox {

  private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

  private final NotificationRepository notifications;

  private final Clock clock;

  Inbox(NotificationRepository notifications, Clock clock) {
    this.clock = clock;
    this.notifications = notifications;
  }

  Page<Notification> of(String userId, boolean unreadOnly, int page, int size) {
    var pageable = PageRequest.of(page, size, NEWEST_FIRST);
    return unreadOnly ? notifications.findByRecipientAndReadAtIsNull(userId, pageable)
        : notifications.findByRecipient(userId, pageable);
  }

  long unreadCount(String userId) {
    return notifications.countByRecipientAndReadAtIsNull(userId);
  }

  /** Another user's notification is answered like a missing one: its existence is none of the caller's business. */
  @Transactional
  Notification markRead(String userId, Long id) {
    Notification notification = notifications.findByIdAndRecipient(id, userId)
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Уведомление не найдено"));
    notification.markRead(clock.instant().truncatedTo(ChronoUnit.MICROS)); // what the column keeps
    return notification;
  }
}
