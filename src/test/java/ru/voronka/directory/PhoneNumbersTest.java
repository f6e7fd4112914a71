package ru.voronka.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Any usual Russian spelling of a number is the same client, and people read it one way. */
class PhoneNumbersTest {

  @Test
  void everySpellingIsOneNumber() {
    for (String spelling : new String[] {"8 (912) 600-70-80", "+7 912 6007080", "79126007080", "+79126007080"}) {
      assertThat(PhoneNumbers.normalize(spelling)).as(spelling).isEqualTo("+79126007080");
    }
    assertThat(PhoneNumbers.e164("неизвестно")).isNull();
  }

  @Test
  void peopleReadItGrouped_andWhatIsNoNumberStaysAsItIs() {
    assertThat(PhoneNumbers.display("79126007080")).isEqualTo("+7 912 600-70-80");
    assertThat(PhoneNumbers.display("+74956498447")).isEqualTo("+7 495 649-84-47");
    assertThat(PhoneNumbers.display("анонимный")).isEqualTo("анонимный");
    assertThat(PhoneNumbers.display(null)).isEmpty();
  }

  @Test
  void whatIsNoNumberIsNeverKept_norReadAsVanityLetters() {
    assertThat(PhoneNumbers.normalize("+7 912 600-70-80\r\nAction: Originate")).isNull();
    assertThat(PhoneNumbers.normalize("8-800-FLOWERS")).isNull();
    assertThat(PhoneNumbers.normalize("anonymous")).isNull();
    assertThat(PhoneNumbers.normalize("8\u00A0912\u00A0600-70-80")).isEqualTo("+79126007080"); // copied from a page
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PhoneNumbers.require("12\r\nAction: Originate"))
        .hasMessage("«12 Action: Originate» — не номер телефона: нужны цифры, например +7 912 600-70-80");
  }

  @Test
  void aSearchBoxFindsTheNumberByItsDigits_inAnySpelling() {
    assertThat(PhoneNumbers.searchDigits("8 (912) 600-70-80")).isEqualTo("79126007080");
    assertThat(PhoneNumbers.searchDigits("+7 912 600 70 80")).isEqualTo("79126007080");
    assertThat(PhoneNumbers.searchDigits("600-70-80")).isEqualTo("6007080");
    assertThat(PhoneNumbers.searchDigits("12-3")).isNull();
    assertThat(PhoneNumbers.searchDigits("ООО Уралмет")).isNull();
    assertThat(PhoneNumbers.searchDigits(null)).isNull();
  }
}
