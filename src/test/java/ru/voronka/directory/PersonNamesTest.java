package ru.voronka.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 15: an SMS greeted «Здравствуйте, Соколов Андрей!» — a greeting takes the first name, or «Имя Отчество». */
class PersonNamesTest {

  @Test
  void aGreetingAddressesTheFirstName_orTheFirstNameAndPatronymic_neverTheSurname() {
    assertThat(PersonNames.addressOf("Соколов Андрей")).isEqualTo("Андрей");
    assertThat(PersonNames.addressOf("Павлова Ирина")).isEqualTo("Ирина");
    assertThat(PersonNames.addressOf("Андрей Соколов")).isEqualTo("Андрей");
    assertThat(PersonNames.addressOf("Соколов Андрей Петрович")).isEqualTo("Андрей Петрович");
    assertThat(PersonNames.addressOf("Никитина Ольга Сергеевна")).isEqualTo("Ольга Сергеевна");
    assertThat(PersonNames.addressOf("Ольга Сергеевна Никитина")).isEqualTo("Ольга Сергеевна");
    assertThat(PersonNames.addressOf("Ахметов Ерлан")).isEqualTo("Ерлан");
    assertThat(PersonNames.addressOf("Гончаров В. А.")).isEqualTo("В. А.");
    assertThat(PersonNames.addressOf("Андрей")).isEqualTo("Андрей");
  }
}
