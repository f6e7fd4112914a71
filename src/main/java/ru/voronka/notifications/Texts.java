package ru.voronka.notifications;

/** Cuts what a column cannot hold; the full text still goes out by mail. */
final class Texts {

  private Texts() {}

  static String fit(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    return text.substring(0, max - 1) + "…";
  }
}
