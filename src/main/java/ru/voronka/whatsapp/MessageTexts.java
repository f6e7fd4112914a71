package ru.voronka.whatsapp;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ru.voronka.directory.PhoneNumbers;

/**
 * What a client's message that is no plain text says in the chat, the same words for every provider:
 * a shared place, a shared contact, a reaction, or — for a kind nobody taught us yet — what kind it
 * is and where to look at it, never a bare «[type]».
 */
final class MessageTexts {

  private MessageTexts() {}

  static String location(String name, String address, String latitude, String longitude) {
    String place = Stream.of(name, address).filter(s -> s != null && !s.isBlank()).map(String::strip)
        .collect(Collectors.joining(", "));
    String map = latitude == null || latitude.isBlank() || longitude == null || longitude.isBlank() ? ""
        : "https://maps.google.com/?q=" + latitude.strip() + "," + longitude.strip();
    return "Местоположение: " + Stream.of(place, map).filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
  }

  static String contact(String name, List<String> phones, String company) {
    String numbers = phones.stream().filter(Objects::nonNull).map(PhoneNumbers::display).collect(Collectors.joining(", "));
    return "Контакт: " + Stream.of(name, company == null || company.isBlank() ? null : "(" + company + ")", numbers)
        .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
  }

  static String reaction(String emoji) {
    return emoji == null || emoji.isBlank() ? "Реакция снята с сообщения" : "Реакция " + emoji + " на сообщение";
  }

  static String unknown(String type, String detail) {
    return "Сообщение вида «" + (type == null || type.isBlank() ? "неизвестно" : type) + "», которое Voronka не показывает"
        + (detail == null || detail.isBlank() ? "" : " (" + detail.strip() + ")") + ": посмотрите его в WhatsApp";
  }

  /** A file's kind in words, for a message that is only a file. */
  static String media(String type, String fileName, boolean voice) {
    return switch (type) {
      case "image" -> "Изображение";
      case "video" -> "Видео";
      case "audio" -> voice ? "Голосовое сообщение" : "Аудиозапись";
      case "sticker" -> "Стикер";
      case "document" -> fileName == null || fileName.isBlank() ? "Документ" : "Документ «" + fileName + "»";
      default -> "Файл";
    };
  }

  /** «FN» and «TEL» of a vCard, the form Wazzup passes shared contacts in. */
  static String vcard(String vcard) {
    String name = null;
    List<String> phones = new java.util.ArrayList<>();
    String company = null;
    for (String line : vcard.split("\\R")) {
      String upper = line.toUpperCase(java.util.Locale.ROOT);
      String value = line.contains(":") ? line.substring(line.indexOf(':') + 1).strip() : "";
      if (upper.startsWith("FN")) {
        name = value;
      } else if (upper.startsWith("TEL")) {
        phones.add(value);
      } else if (upper.startsWith("ORG")) {
        company = value.replace(";", " ").strip();
      }
    }
    return contact(name, phones, company);
  }
}
