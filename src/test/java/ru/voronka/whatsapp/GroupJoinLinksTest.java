package ru.voronka.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** WA-10's join codes read from a client's text: what is no code of ours is an ordinary message, never an error. */
class GroupJoinLinksTest {

  GroupJoinLinks links = new GroupJoinLinks("unit-test-join-secret-16", "+7 495 649-84-47");

  @Test
  void theJoinTextOfADealCarriesItsCode() {
    var join = links.find("Здравствуйте! " + links.joinText(42)).orElseThrow();
    assertThat(join.dealId()).isEqualTo(42);
    assertThat(links.valid(join)).isTrue();
  }

  @Test
  void aDealNumberTooLongForAnyDealIsAnOrdinaryMessage_notAnError() {
    assertThat(links.find("Хочу вступить в группу сделки №12345678901234567890, код abcdefghijkl")).isEmpty();
    assertThat(links.find("сделки №99999999999999999999999999999999 код abcdefghijkl")).isEmpty();
  }
}
