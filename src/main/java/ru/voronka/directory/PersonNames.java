package ru.voronka.directory;

/**
 * How a person is addressed in a greeting: by first name, or «Имя Отчество» — never «Соколов Андрей»
 * (surname first, as a card lists people). The surname is told apart by Russian endings; with nothing
 * to tell, a card's «Фамилия Имя Отчество» order is assumed.
 */
public final class PersonNames {

  private PersonNames() {}

  public static String addressOf(String fullName) {
    if (fullName == null || fullName.isBlank()) {
      return fullName;
    }
    String[] words = fullName.strip().split("\\s+");
    return switch (words.length) {
      case 1 -> words[0];
      case 2 -> surname(words[1]) && !surname(words[0]) ? words[0] : words[1]; // «Андрей Соколов» or «Соколов Андрей»
      default -> {
        if (patronymic(words[1])) { // «Андрей Петрович Соколов»
          yield words[0] + " " + words[1];
        }
        yield patronymic(words[2]) || !surname(words[2]) ? words[1] + " " + words[2] : words[0] + " " + words[1];
      }
    };
  }

  static boolean patronymic(String word) {
    return word.toLowerCase().matches(".+(вич|вна|чна|ична|оглы|кызы)");
  }

  static boolean surname(String word) {
    return word.toLowerCase().matches(".+(ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|ская|цкий|цкая|ской|енко|ко|ук|юк|дзе|швили|ян|их|ых)");
  }
}
