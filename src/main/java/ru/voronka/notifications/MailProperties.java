package ru.voronka.notifications;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code voronka.mail.*}. The mode defaults to the outbox so that a misconfigured installation
 * never mails real people by accident.
 *
 * @param from the sender, an address or {@code Имя <address>}
 */
@Validated
@ConfigurationProperties("voronka.mail")
record MailProperties(@NotNull @DefaultValue("outbox") Mode mode, @NotBlank @DefaultValue("crm@voronka.local") String from) {

  enum Mode {
    /** The demo: mail is stored in {@code mail_outbox} and shown by the mail simulator. */
    OUTBOX,
    /** Production: mail goes to the SMTP server of {@code spring.mail.*}. */
    SMTP
  }
}
