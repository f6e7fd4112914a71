package ru.voronka.notifications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;
import ru.voronka.platform.web.PageView;

@Tag(name = "Симуляторы", description = "Демо: внешний мир без внешнего мира")
@RestController
class MailSimulatorController {

  private static final int MAX_PAGE_SIZE = 200;

  private final OutboxMailRepository outbox;
  private final MailProperties mail;

  MailSimulatorController(OutboxMailRepository outbox, MailProperties mail) {
    this.outbox = outbox;
    this.mail = mail;
  }

  record OutboxMailView(Long id, Instant sentAt, String sentAtText, String recipients, String subject, String body,
      String attachmentNames) {
    static OutboxMailView of(OutboxMail m) {
      return new OutboxMailView(m.getId(), m.getSentAt(), RussianFormats.dateTime(m.getSentAt()), m.getRecipients(),
          m.getSubject(), m.getBody(), m.getAttachmentNames());
    }
  }

  @Operation(summary = "Симулятор почты: письма, которые отправило бы демо, новые сверху (только администратор)")
  @GetMapping("/api/simulators/mail")
  @PreAuthorize("hasRole('CAMUNDA_ADMIN')")
  PageView<OutboxMailView> sent(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    if (mail.mode() != MailProperties.Mode.OUTBOX) {
      throw new DomainException(Kind.NOT_FOUND, "Симулятор почты выключен: письма уходят через SMTP-сервер");
    }
    var pageable = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE),
        Sort.by(Sort.Order.desc("sentAt"), Sort.Order.desc("id")));
    return PageView.of(outbox.findAll(pageable), OutboxMailView::of);
  }
}
