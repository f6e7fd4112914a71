package ru.voronka.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import ru.voronka.platform.web.DomainException;

class TaxIdsTest {

  @Test
  void an_organisations_inn_of_ten_digits_and_a_persons_of_twelve_pass_their_check_digits() {
    assertThat(TaxIds.isInn("7707083893")).isTrue();
    assertThat(TaxIds.isInn("7736207543")).isTrue();
    assertThat(TaxIds.isInn("500100732259")).isTrue();
  }

  @Test
  void one_mistyped_digit_fails_the_check() {
    assertThat(TaxIds.isInn("7707083894")).isFalse();
    assertThat(TaxIds.isInn("7707038893")).isFalse(); // two digits swapped
    assertThat(TaxIds.isInn("500100732258")).isFalse();
    assertThat(TaxIds.isInn("500100732269")).isFalse(); // the first check digit of twelve
    assertThat(TaxIds.isInn("77070838")).isFalse();
    assertThat(TaxIds.isInn("77070838931")).isFalse();
    assertThat(TaxIds.isInn("77O7083893")).isFalse();
  }

  @Test
  void ogrn_of_thirteen_and_ogrnip_of_fifteen_digits_pass_their_check_digit() {
    assertThat(TaxIds.isOgrn("1027700132195")).isTrue();
    assertThat(TaxIds.isOgrn("304500116000157")).isTrue();
    assertThat(TaxIds.isOgrn("1027700132196")).isFalse();
    assertThat(TaxIds.isOgrn("304500116000158")).isFalse();
    assertThat(TaxIds.isOgrn("10277001321")).isFalse();
  }

  @Test
  void kpp_is_four_digits_two_digits_or_capital_letters_and_three_digits() {
    assertThat(TaxIds.isKpp("773601001")).isTrue();
    assertThat(TaxIds.isKpp("7736AB001")).isTrue();
    assertThat(TaxIds.isKpp("77360100")).isFalse();
    assertThat(TaxIds.isKpp("77360100A")).isFalse();
    assertThat(TaxIds.requireKpp("7736ab001")).isEqualTo("7736AB001");
  }

  @Test
  void typed_with_spaces_a_number_is_read_without_them_and_blank_is_no_number() {
    assertThat(TaxIds.requireInn(" 7707 083 893 ")).isEqualTo("7707083893");
    assertThat(TaxIds.requireInn("  ")).isNull();
    assertThat(TaxIds.requireOgrn(null)).isNull();
  }

  @Test
  void a_refusal_says_in_russian_what_is_wrong() {
    assertThatThrownBy(() -> TaxIds.requireInn("7707083894")).isInstanceOf(DomainException.class)
        .hasMessageContaining("не проходит проверку контрольного числа");
    assertThatThrownBy(() -> TaxIds.requireInn("12")).hasMessageContaining("10 цифр у организации или 12");
    assertThatThrownBy(() -> TaxIds.requireOgrn("1027700132196")).hasMessageContaining("ОГРН 1027700132196 не проходит");
    assertThatThrownBy(() -> TaxIds.requireKpp("123")).hasMessageContaining("КПП — 9 знаков");
  }

  @Test
  void an_ip_has_no_kpp_and_the_ogrn_matches_the_kind_of_inn() {
    assertThatThrownBy(() -> TaxIds.requireConsistent("500100732259", "773601001", null)).hasMessageContaining("у ИП его нет");
    assertThatThrownBy(() -> TaxIds.requireConsistent("7707083893", null, "304500116000157")).hasMessageContaining("ОГРН из 13 цифр");
    TaxIds.requireConsistent("7707083893", "773601001", "1027700132195");
    TaxIds.requireConsistent("500100732259", null, "304500116000157");
  }
}
