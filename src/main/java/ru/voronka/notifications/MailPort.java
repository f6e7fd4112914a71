package ru.voronka.notifications;

/** Where mail leaves Voronka: {@link SmtpMail} in production, {@link MailOutbox} in the demo. */
interface MailPort {

  /** @throws MailNotSentException when the mail could not be handed over */
  void send(OutgoingMail mail);
}
