package ru.voronka.notifications;

import java.util.List;

/** One plain-text mail as the {@link MailPort} sends it. */
record OutgoingMail(List<String> to, String subject, String body, List<MailAttachment> attachments) {

  OutgoingMail {
    if (to == null || to.isEmpty()) {
      throw new IllegalArgumentException("A mail needs at least one recipient");
    }
    to = List.copyOf(to);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }
}
