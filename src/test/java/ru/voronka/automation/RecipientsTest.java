package ru.voronka.automation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import ru.voronka.deals.Deal;
import ru.voronka.deals.Funnel;
import ru.voronka.directory.Counterparty;

/** Seed 002, item 5: all contacts and numbers, or the main contact. */
class RecipientsTest {

  static Deal dealWithTwoContacts() {
    Counterparty client = new Counterparty("ООО «Генератор клиентов»", "7700000001", null);
    client.addContact("Основной контакт", null, true).addPhone("+7 999 888-55-22");
    client.addContact("Не основной контакт", null, false).addPhone("+7 999 555-88-22").addPhone("+7 999 555-88-22")
        .addPhone("+7 999 555-11-22");
    return new Deal("Сделка", Funnel.SALES, client);
  }

  @Test
  @DisplayName("SWA-RECIP-1")
  void allContactsAndNumbers_eachNumberOnce() {
    assertThat(StageActionRuns.recipients(dealWithTwoContacts(), Recipients.ALL))
        .containsExactly("+79998885522", "+79995558822", "+79995551122");
  }

  @Test
  @DisplayName("SWA-RECIP-2")
  void theMainContactOnly() {
    assertThat(StageActionRuns.recipients(dealWithTwoContacts(), Recipients.MAIN_CONTACT)).containsExactly("+79998885522");
  }

  @Test
  @DisplayName("SWA-RECIP-3")
  void aClientWithoutNumbersHasNobodyToWriteTo() {
    assertThat(StageActionRuns.recipients(new Deal("Без клиента", Funnel.SALES, null), Recipients.ALL)).isEmpty();
    assertThat(StageActionRuns.recipients(new Deal("Без телефонов", Funnel.SALES,
        new Counterparty("ООО «Немые»", null, null)), Recipients.MAIN_CONTACT)).isEmpty();
  }
}
