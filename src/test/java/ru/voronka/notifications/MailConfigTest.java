package ru.voronka.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** {@code voronka.mail.mode} picks where mail goes. */
class MailConfigTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(MailConfig.class)
      .withBean(OutboxMailRepository.class, () -> mock(OutboxMailRepository.class))
      .withBean(java.time.Clock.class, () -> ru.voronka.support.TestClock.INSTANCE);

  @Test
  void the_demo_keeps_its_mail_in_the_outbox_unless_told_otherwise() {
    context.run(app -> {
      assertThat(app).getBean(MailPort.class).isInstanceOf(MailOutbox.class);
      assertThat(app.getBean(MailProperties.class).from()).isEqualTo("crm@voronka.local");
    });
  }

  @Test
  void production_sends_through_the_smtp_server() {
    context.withPropertyValues("voronka.mail.mode=smtp", "voronka.mail.from=Воронка <crm@company.ru>")
        .withBean(JavaMailSender.class, JavaMailSenderImpl::new)
        .run(app -> assertThat(app).getBean(MailPort.class).isInstanceOf(SmtpMail.class));
  }

  @Test
  void smtp_mode_without_a_server_stops_the_start_with_a_hint() {
    context.withPropertyValues("voronka.mail.mode=smtp").run(app -> assertThat(app).hasFailed()
        .getFailure().rootCause().hasMessageContaining("VORONKA_SMTP_HOST"));
  }

  @Test
  void an_empty_sender_address_stops_the_start() {
    context.withPropertyValues("voronka.mail.from= ").run(app -> assertThat(app).hasFailed()
        .getFailure().rootCause().hasMessageContaining("voronka.mail.from"));
  }
}
