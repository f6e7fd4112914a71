package ru.voronka.deals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import ru.voronka.deals.DealService.DealFields;
import ru.voronka.deals.DealService.DealFilter;
import ru.voronka.directory.Counterparties.ContactCard;
import ru.voronka.support.WorkspaceTest;

/**
 * The deals' search finds a deal by what a manager remembers of it — its number, a word of its title, the
 * client's name or ИНН, a contact's name, a phone in any spelling, an e-mail — and keeps finding it after
 * any of them is edited, whichever page or API edited it (the search text is written in the same commit).
 */
class DealSearchTest extends WorkspaceTest {

  static final Viewer ROP = Viewer.of("smirnova", List.of("rop"));
  static final Viewer OTHER_MANAGER = Viewer.of("sidorova", List.of("managers"));

  @Autowired DealService deals;
  @Autowired ClientCards cards;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  List<Long> found(String q, Viewer viewer) {
    return deals.search(new DealFilter(null, null, null, null, q), viewer, PageRequest.of(0, 50)).map(Deal::getId).getContent();
  }

  @Test
  void findsADealByEverythingOnItsCardAndFollowsEveryEdit() {
    Deal deal = deals.create(new NewDeal("Поставка шаровых кранов DN50", null,
        new NewDeal.NewClient("ООО «Теплосеть Поиска»", "6901001120", "Тверь", "Зайцева Ольга Петровна", "+7 903 555-12-34",
            "Snab@Teploset-Poisk.ru"), new BigDecimal("50000"), null, "Россия", null, null), ROP);
    Long id = deal.getId();

    assertThat(found(String.valueOf(id), ROP)).contains(id);
    assertThat(found("шаровых КРАНОВ", ROP)).contains(id);
    assertThat(found("теплосеть поиска", ROP)).contains(id);
    assertThat(found("6901001120", ROP)).contains(id);
    assertThat(found("Зайцева", ROP)).contains(id);
    assertThat(found("8 (903) 555-12-34", ROP)).contains(id);
    assertThat(found("snab@teploset", ROP)).contains(id);
    assertThat(found("Зайцева", OTHER_MANAGER)).as("a new request without a responsible is every manager's").contains(id);

    deals.editFields(id, new DealFields("Поставка задвижек", new BigDecimal("50000"), null, "Россия", null, null), ROP);
    assertThat(found("шаровых", ROP)).doesNotContain(id);
    assertThat(found("задвижек", ROP)).contains(id);

    Long clientId = deal.getCounterparty().getId();
    Long zaitseva = jdbc.queryForObject("select id from contact where counterparty_id = ?", Long.class, clientId);
    cards.editContact(clientId, zaitseva, new ContactCard("Волкова Ольга Петровна", "Главный инженер",
        List.of("+7 903 555-12-34", "+7 916 777-00-11"), List.of(), true), ROP);
    assertThat(found("Зайцева", ROP)).doesNotContain(id);
    assertThat(found("Волкова", ROP)).contains(id);
    assertThat(found("916 777 00 11", ROP)).contains(id);
    assertThat(found("snab@teploset", ROP)).as("the e-mail was taken off the card").doesNotContain(id);

    cards.addContact(clientId, new ContactCard("Орлов Игорь", null, List.of(), List.of("orlov@teploset-poisk.ru"), false), ROP);
    assertThat(found("орлов", ROP)).contains(id);
  }

  @Test
  void theDesktopsCountOfACommonWordStopsAtItsCap() {
    for (int i = 0; i < 3; i++) {
      deals.create(new NewDeal("Счётчик редкого слова «кваркозавр» " + i, null,
          new NewDeal.NewClient("ООО «Кварк " + i + "»", null, "Тверь", "Кварков " + i, null, null), null, null, null, null, null), ROP);
    }
    DealFilter filter = new DealFilter(null, null, null, null, "кваркозавр");
    Page<Deal> capped = deals.search(filter, ROP, PageRequest.of(0, 2), 1);
    assertThat(capped.getContent()).hasSize(2);
    assertThat(capped.getTotalElements()).as("one more than the cap: «более 1»").isEqualTo(2);
    assertThat(deals.search(filter, ROP, PageRequest.of(0, 2)).getTotalElements()).isEqualTo(3);
  }
}
