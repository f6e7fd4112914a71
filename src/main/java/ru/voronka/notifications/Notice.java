package ru.voronka.notifications;

/**
 * What to tell: the title is the notification's headline and the mail's subject.
 *
 * @param dealId the deal it is about, or null
 * @param link where to act (the deal's tasks in Tasklist), or null
 */
public record Notice(String title, String body, Long dealId, String link) {

  public Notice {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("A notice needs a title");
    }
  }
}
