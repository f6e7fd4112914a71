package ru.voronka.notifications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.web.PageView;

@Tag(name = "Уведомления", description = "Колокольчик: уведомления вошедшего пользователя")
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

  private static final int MAX_PAGE_SIZE = 200;

  private final Inbox inbox;

  NotificationController(Inbox inbox) {
    this.inbox = inbox;
  }

  record NotificationView(Long id, String title, String body, Long dealId, String link, Instant createdAt,
      String createdAtText, boolean read, Instant readAt) {
    static NotificationView of(Notification n) {
      return new NotificationView(n.getId(), n.getTitle(), n.getBody(), n.getDealId(), n.getLink(), n.getCreatedAt(),
          RussianFormats.dateTime(n.getCreatedAt()), n.isRead(), n.getReadAt());
    }
  }

  record UnreadCount(long count) {}

  @Operation(summary = "Мои уведомления, новые сверху; unreadOnly=true — только непрочитанные")
  @GetMapping
  PageView<NotificationView> list(@RequestParam(defaultValue = "false") boolean unreadOnly,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Authentication auth) {
    return PageView.of(inbox.of(auth.getName(), unreadOnly, Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE)),
        NotificationView::of);
  }

  @Operation(summary = "Сколько у меня непрочитанных уведомлений")
  @GetMapping("/unread-count")
  UnreadCount unreadCount(Authentication auth) {
    return new UnreadCount(inbox.unreadCount(auth.getName()));
  }

  @Operation(summary = "Отметить моё уведомление прочитанным")
  @PostMapping("/{id}/read")
  NotificationView read(@PathVariable Long id, Authentication auth) {
    return NotificationView.of(inbox.markRead(auth.getName(), id));
  }
}
