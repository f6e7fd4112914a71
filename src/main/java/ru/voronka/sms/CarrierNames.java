package ru.voronka.sms;

import java.util.List;
import java.util.Locale;

/**
 * One name per carrier, whoever wrote it: the register names the legal entity (ПАО «Мобильные
 * ТелеСистемы»), libphonenumber the brand in English or Russian (MTS, МегаФон), an administrator
 * what is printed on the SIM. Names nobody here knows pass through as they are.
 */
final class CarrierNames {

  private record Brand(String name, List<String> spellings) {}

  /** Brands and the ways their names are written — names, not number ranges. */
  private static final List<Brand> BRANDS = List.of(
      new Brand("МТС", List.of("мтс", "mts", "мобильные телесистемы")),
      new Brand("МегаФон", List.of("мегафон", "megafon")),
      new Brand("Билайн", List.of("билайн", "beeline", "вымпел-коммуникации", "вымпелком")),
      new Brand("Т2", List.of("т2", "t2", "tele2", "теле2", "т2 мобайл")));

  private CarrierNames() {}

  /** The brand for a carrier's name in any of its spellings; the name itself (trimmed) when unknown. */
  static String brand(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String key = name.toLowerCase(Locale.ROOT).replaceAll("[«»\"']", " ").replaceAll("\\s+", " ").trim();
    for (Brand brand : BRANDS) {
      for (String spelling : brand.spellings()) {
        if (key.equals(spelling) || key.endsWith(" " + spelling) || key.startsWith(spelling + " ")) {
          return brand.name();
        }
      }
    }
    return name.trim();
  }

  static boolean same(String a, String b) {
    String left = brand(a);
    return left != null && left.equalsIgnoreCase(brand(b));
  }
}
