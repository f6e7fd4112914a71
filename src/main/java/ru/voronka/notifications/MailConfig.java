package ru.voronka.notifications;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfig {

  @Bean
  MailPort mailPort(MailProperties properties, OutboxMailRepository outbox, ObjectProvider<JavaMailSender> smtp, java.time.Clock clock) {
    return switch (properties.mode()) {
      case OUTBOX -> new MailOutbox(outbox, clock);
      case SMTP -> {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
          // Spring Boot creates the sender only when spring.mail.host is set.
          throw new IllegalStateException(
              "voronka.mail.mode=smtp needs an SMTP server: set spring.mail.host (VORONKA_SMTP_HOST)");
        }
        yield new SmtpMail(sender, properties.from());
      }
    };
  }
}
