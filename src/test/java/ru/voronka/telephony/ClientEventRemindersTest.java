package ru.voronka.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionOperations;
import ru.voronka.directory.Employee;
import ru.voronka.notifications.MailNotSentException;
import ru.voronka.notifications.Notice;
import ru.voronka.notifications.Notifier;
import ru.voronka.platform.live.LiveEvents;
import ru.voronka.support.TestClock;

/** A reminder the mail server refuses stays due; the others of the same run are delivered once. */
class ClientEventRemindersTest {

  final ClientEventRepository repository = mock(ClientEventRepository.class);
  final Notifier notifier = mock(Notifier.class);
  final ClientEvents events = new ClientEvents(repository, mock(LiveEvents.class), notifier, TestClock.INSTANCE,
      TransactionOperations.withoutTransaction());

  @Test
  void oneRefusedReminderDoesNotHoldBackTheOthers() {
    Instant now = TestClock.INSTANCE.instant();
    ClientEvent refused = event(1L, "petrov", now);
    ClientEvent delivered = event(2L, "sidorova", now);
    when(repository.dueForReminder(any())).thenReturn(List.of(refused, delivered));
    doThrow(new MailNotSentException("SMTP 451")).when(notifier).notifyUsers(any(), any());
    doNothing().when(notifier).notifyUsers(org.mockito.ArgumentMatchers.eq(List.of("sidorova")), any(Notice.class));

    events.remind();

    verify(notifier).notifyUsers(org.mockito.ArgumentMatchers.eq(List.of("sidorova")), any(Notice.class));
    assertThat(ReflectionTestUtils.getField(refused, "remindedAt")).isNull();
    assertThat(ReflectionTestUtils.getField(delivered, "remindedAt")).isNotNull();
  }

  private ClientEvent event(long id, String userId, Instant now) {
    Employee employee = mock(Employee.class);
    when(employee.getUserId()).thenReturn(userId);
    ClientEvent event = new ClientEvent(ClientEvent.Kind.CALL, "Перезвонить", employee, null, null, null,
        now.plus(Duration.ofMinutes(5)), now);
    ReflectionTestUtils.setField(event, "id", id);
    when(repository.findById(id)).thenReturn(Optional.of(event));
    when(repository.claimReminder(org.mockito.ArgumentMatchers.eq(id), any())).thenReturn(1);
    return event;
  }
}
