/**
 * Telling employees what needs them: in-app notifications (the bell, {@code /api/notifications})
 * and e-mail — escalations and overdue tranches (FUN-10, FUN-6), new requests (FUN-1), signed
 * documents to the accountants (FUN-8, DOC-2). Other modules call {@link ru.voronka.notifications.Notifier}
 * with a {@link ru.voronka.notifications.Notice} or {@link ru.voronka.notifications.MailAttachment}s
 * and may see a {@link ru.voronka.notifications.MailNotSentException}; everything else is internal. Mail leaves
 * through the {@code MailPort}: SMTP in production, the {@code mail_outbox} table in the demo
 * ({@code voronka.mail.mode}). Uses the directory (who an employee is, their e-mail, a group's
 * members) and the platform's web helpers; knows no business module.
 */
package ru.voronka.notifications;
