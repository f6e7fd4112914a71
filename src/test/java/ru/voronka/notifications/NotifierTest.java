package ru.voronka.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
import ru.voronka.directory.Group;
import ru.voronka.platform.web.DomainException;

/**
 * The notifier over the real schema (H2 with the Flyway migrations) and the demo's mail outbox; the
 * directory, another module, is mocked.
 */
@DataJpaTest(showSql = false)
@Import({Notifier.class, Inbox.class, MailOutbox.class})
class NotifierTest {

  private static final Notice OVERDUE = new Notice("Просрочен транш по сделке №42",
      "Транш 2: 30 % до 01.12.2026 не оплачен.", 42L, "http://localhost:8080/camunda/app/tasklist/default/#/?deal=42");

  @MockitoBean
  Directory directory;

  @MockitoBean
  ru.voronka.sms.SmsPort sms;

  @Autowired
  Notifier notifier;

  @Autowired
  Inbox inbox;

  @Autowired
  OutboxMailRepository outbox;

  @BeforeEach
  void staff() {
    employee("petrov", "Петров Пётр", "petrov@voronka.local");
    employee("ivanova", "Иванова Анна", "ivanova@voronka.local");
    employee("sidorov", "Сидоров Олег", null);
    employee("sokolova", "Соколова Татьяна", "sokolova@voronka.local");
    when(directory.memberIds(Group.HEAD_OF_SALES)).thenReturn(List.of("ivanova"));
    when(directory.memberIds(Group.ACCOUNTANTS)).thenReturn(List.of("sokolova", "sidorov"));
    when(directory.memberIds(Group.LAWYERS)).thenReturn(List.of("sidorov"));
  }

  @Test
  void an_overdue_tranche_reaches_each_manager_once_in_the_bell_and_by_mail() {
    notifier.notifyUsers(List.of("petrov", "ivanova", "petrov"), OVERDUE);

    assertThat(inbox.unreadCount("petrov")).isEqualTo(1);
    assertThat(inbox.unreadCount("ivanova")).isEqualTo(1);
    Notification bell = inbox.of("petrov", false, 0, 20).getContent().get(0);
    assertThat(bell.getTitle()).isEqualTo(OVERDUE.title());
    assertThat(bell.getBody()).isEqualTo(OVERDUE.body());
    assertThat(bell.getDealId()).isEqualTo(42L);
    assertThat(bell.getLink()).isEqualTo(OVERDUE.link());

    assertThat(outbox.findAll()).extracting(OutboxMail::getRecipients)
        .containsExactlyInAnyOrder("petrov@voronka.local", "ivanova@voronka.local");
    assertThat(outbox.findAll()).allSatisfy(mail -> {
      assertThat(mail.getSubject()).isEqualTo(OVERDUE.title());
      assertThat(mail.getBody()).contains(OVERDUE.body()).contains(OVERDUE.link());
    });
  }

  @Test
  void a_colleague_without_an_email_still_gets_the_bell_but_no_mail() {
    notifier.notifyUsers(List.of("sidorov", "unknown.user"), OVERDUE);

    assertThat(inbox.unreadCount("sidorov")).isEqualTo(1);
    assertThat(inbox.unreadCount("unknown.user")).isEqualTo(1);
    assertThat(outbox.count()).isZero();
  }

  @Test
  void a_refused_request_goes_to_every_head_of_sales() {
    notifier.notifyGroup(Group.HEAD_OF_SALES, new Notice("Отказ от заявки №7", "Петров отказался: нет товара.", 7L, null));

    assertThat(inbox.unreadCount("ivanova")).isEqualTo(1);
    assertThat(inbox.unreadCount("petrov")).isZero();
    assertThat(outbox.findAll()).singleElement()
        .satisfies(mail -> assertThat(mail.getRecipients()).isEqualTo("ivanova@voronka.local"));
  }

  @Test
  void signed_documents_are_mailed_to_the_accountants_with_an_address_and_leave_no_bell() {
    notifier.emailGroup(Group.ACCOUNTANTS, "Подписанные документы по сделке №42", "Акт и УПД подписаны.",
        List.of(new MailAttachment("Акт №17.pdf", "application/pdf", "%PDF".getBytes(StandardCharsets.UTF_8)),
            new MailAttachment("УПД №17.pdf", "application/pdf", "%PDF".getBytes(StandardCharsets.UTF_8))));

    assertThat(outbox.findAll()).singleElement().satisfies(mail -> {
      assertThat(mail.getRecipients()).isEqualTo("sokolova@voronka.local");
      assertThat(mail.getSubject()).isEqualTo("Подписанные документы по сделке №42");
      assertThat(mail.getAttachmentNames()).isEqualTo("Акт №17.pdf, УПД №17.pdf");
    });
    assertThat(inbox.unreadCount("sokolova")).isZero();
  }

  @Test
  void signed_documents_nobody_can_receive_fail_so_the_job_ends_in_an_incident() {
    assertThatThrownBy(() -> notifier.emailGroup(Group.LAWYERS, "Подписанные документы по сделке №42", "…", List.of()))
        .isInstanceOf(MailNotSentException.class)
        .hasMessageContaining("Юристы");
  }

  @Test
  void only_the_recipient_can_mark_a_notification_read() {
    notifier.notifyUsers(List.of("petrov"), OVERDUE);
    Long id = inbox.of("petrov", false, 0, 20).getContent().get(0).getId();

    assertThatThrownBy(() -> inbox.markRead("ivanova", id))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND))
        .hasMessage("Уведомление не найдено");
    assertThat(inbox.unreadCount("petrov")).isEqualTo(1);

    Notification read = inbox.markRead("petrov", id);
    assertThat(read.isRead()).isTrue();
    assertThat(inbox.unreadCount("petrov")).isZero();
  }

  @Test
  void the_bell_lists_newest_first_and_can_show_only_the_unread() {
    notifier.notifyUsers(List.of("petrov"), new Notice("Новая заявка: клапаны", null, 1L, null));
    notifier.notifyUsers(List.of("petrov"), new Notice("Новая заявка: насосы", null, 2L, null));
    notifier.notifyUsers(List.of("petrov"), new Notice("Новая заявка: трубы", null, 3L, null));
    List<Notification> all = inbox.of("petrov", false, 0, 20).getContent();
    inbox.markRead("petrov", all.get(0).getId());

    assertThat(all).extracting(Notification::getTitle)
        .containsExactly("Новая заявка: трубы", "Новая заявка: насосы", "Новая заявка: клапаны");
    assertThat(inbox.of("petrov", true, 0, 20).getContent()).extracting(Notification::getTitle)
        .containsExactly("Новая заявка: насосы", "Новая заявка: клапаны");
    assertThat(inbox.of("ivanova", false, 0, 20)).isEmpty();
  }

  private void employee(String userId, String fullName, String email) {
    when(directory.employee(userId))
        .thenReturn(Optional.of(new Employee(userId, fullName, null, null).withContacts(null, null, null, email)));
  }
}
