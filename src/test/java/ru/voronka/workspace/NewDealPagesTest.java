package ru.voronka.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.voronka.workspace.ClientPagesTest.form;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.DealStage;
import ru.voronka.support.WorkspaceTest;

/** «Новая сделка» from the desktop, a card and a stranger's message; the fields a manager edits, each into the history. */
class NewDealPagesTest extends WorkspaceTest {

  static final RequestPostProcessor PETROV = ClientPagesTest.PETROV;
  static final RequestPostProcessor SIDOROVA = ClientPagesTest.SIDOROVA;
  static final RequestPostProcessor ROP = ClientPagesTest.ROP;

  @Autowired MockMvc mvc;
  @Autowired DealRepository deals;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  Long dealId(String redirect) {
    assertThat(redirect).startsWith("/deals/");
    return Long.valueOf(redirect.substring("/deals/".length()));
  }

  @Test
  void aNewClientsDealFromTheDesktopStartsTheFunnel_withTheContactNamedAsTyped() throws Exception {
    mvc.perform(get("/").with(PETROV)).andExpect(content().string(containsString("href=\"/deals/new\"")));
    mvc.perform(get("/deals/new").with(PETROV)).andExpect(status().isOk()).andExpect(content().string(containsString("Создать сделку")));
    String to = mvc.perform(form("/deals/new", PETROV, "title", "Задвижки для насосной", "name", "ООО «Водострой»", "inn", "6321001007",
            "contactName", "Ершова Дарья", "phones", "8 916 710-20-30", "amount", "340 000", "margin", "61 200,50",
            "direction", "Россия, Тула", "priority", "A", "deliveryDate", "20.01.2027"))
        .andExpect(status().isOk()).andExpect(header().string("HX-Redirect", startsWith("/deals/")))
        .andReturn().getResponse().getHeader("HX-Redirect");
    Long id = dealId(to);
    transactions.executeWithoutResult(tx -> {
      Deal deal = deals.findById(id).orElseThrow();
      assertThat(deal.getStage()).isEqualTo(DealStage.NEW);
      assertThat(deal.getProcessInstanceId()).isNotNull();
      assertThat(deal.getAmount()).isEqualByComparingTo(new BigDecimal("340000"));
      assertThat(deal.getMargin()).isEqualByComparingTo(new BigDecimal("61200.50"));
      assertThat(deal.getDeliveryDate()).hasToString("2027-01-20");
      assertThat(deal.getCounterparty().getContacts()).singleElement()
          .satisfies(c -> assertThat(c.getFullName()).isEqualTo("Ершова Дарья"))
          .satisfies(c -> assertThat(c.getPhones()).containsExactly("+79167102030"));
      assertThat(deal.getCounterparty().getResponsible().getUserId()).isEqualTo("petrov");
    });
    mvc.perform(get("/deals/" + id).with(PETROV)).andExpect(status().isOk())
        .andExpect(content().string(containsString("Задвижки для насосной")))
        .andExpect(content().string(containsString("Новая заявка")));
  }

  @Test
  void aDealFromAClientsCard_andTheRefusalsOfTheForm() throws Exception {
    mvc.perform(form("/counterparties", PETROV, "name", "ООО «Карточка»", "contactName", "Фомин Глеб", "phones", "+7 916 710-40-50"))
        .andExpect(status().isOk());
    Long client = jdbc.queryForObject("select id from counterparty where name = 'ООО «Карточка»'", Long.class);
    mvc.perform(get("/counterparties/" + client).with(PETROV)).andExpect(content().string(containsString("/deals/new?counterpartyId=" + client)));
    mvc.perform(get("/deals/new").param("counterpartyId", client.toString()).with(PETROV))
        .andExpect(content().string(containsString("name=\"counterpartyId\" value=\"" + client + "\"")))
        .andExpect(content().string(not(containsString("name=\"inn\""))));
    mvc.perform(get("/deals/new").param("counterpartyId", client.toString()).with(SIDOROVA)).andExpect(status().isNotFound());

    long before = deals.count();
    mvc.perform(form("/deals/new", PETROV, "counterpartyId", client.toString(), "title", " "))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Укажите название сделки")));
    mvc.perform(form("/deals/new", PETROV, "counterpartyId", client.toString(), "title", "Клапаны", "amount", "много"))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("не сумма")));
    mvc.perform(form("/deals/new", PETROV, "counterpartyId", client.toString(), "title", "Клапаны", "deliveryDate", "31.02.2027"))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("нужна дд.мм.гггг")));
    mvc.perform(form("/deals/new", SIDOROVA, "title", "Клапаны", "name", "Карточка 2", "contactName", "Глеб", "phones", "8 916 710 40 50"))
        .andExpect(status().isConflict()).andExpect(content().string(containsString("/deals/new?counterpartyId=" + client)));
    assertThat(deals.count()).isEqualTo(before);
    assertThat(jdbc.queryForObject("select count(*) from counterparty where name = 'Карточка 2'", Long.class)).isZero();

    mvc.perform(form("/deals/new", PETROV, "counterpartyId", client.toString(), "title", "Клапаны Ду80", "amount", "120000"))
        .andExpect(header().string("HX-Redirect", startsWith("/deals/")));
  }

  @Test
  void theManagerEditsTheFieldsTheyOwn_eachChangeIsALineOfTheHistory() throws Exception {
    String to = mvc.perform(form("/deals/new", PETROV, "title", "Теплосчётчики", "name", "ООО «Правка»", "contactName", "Рыбин Иван",
            "phones", "+7 916 710-60-70", "amount", "340000"))
        .andReturn().getResponse().getHeader("HX-Redirect");
    Long id = dealId(to);
    mvc.perform(get("/deals/" + id).with(ROP)).andExpect(content().string(containsString("Изменить сделку")));
    mvc.perform(form("/deals/" + id + "/fields", ROP, "title", "Теплосчётчики ВКТ-9", "amount", "360 000", "margin", "70000",
            "direction", "Россия", "priority", "B", "deliveryDate", "15.03.2027"))
        .andExpect(header().string("HX-Redirect", "/deals/" + id));
    mvc.perform(get("/deals/" + id).param("tab", "history").with(ROP))
        .andExpect(content().string(containsString("Сумма: 340\u00a0000,00\u00a0₽ → 360\u00a0000,00\u00a0₽")))
        .andExpect(content().string(containsString("Название: «Теплосчётчики» → «Теплосчётчики ВКТ-9»")))
        .andExpect(content().string(containsString("Срок поставки: — → 15.03.2027")))
        .andExpect(content().string(containsString("Приоритет: — → B")));
    mvc.perform(form("/deals/" + id + "/fields", ROP, "title", "Теплосчётчики ВКТ-9", "amount", "360000", "margin", "400000"))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Маржа не может быть больше суммы")));
    mvc.perform(form("/deals/" + id + "/fields", ROP, "title", "Теплосчётчики ВКТ-9", "amount", "-5"))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("не может быть отрицательной")));
    mvc.perform(form("/deals/" + id + "/fields", user("kuznetsov").roles("MANAGERS"), "title", "Чужая", "amount", "1"))
        .andExpect(status().isForbidden()); // a new request is seen by every manager, changed by its responsible or the РОП

    mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/deals/" + id + "/fields").with(ROP).with(csrf())
            .contentType("application/json").content("""
            {"title": "Теплосчётчики ВКТ-9", "amount": 380000, "margin": 70000, "direction": "Россия", "priority": "B",
             "deliveryDate": "2027-03-15"}"""))
        .andExpect(status().isOk());
    mvc.perform(get("/api/deals/" + id + "/history").with(ROP))
        .andExpect(content().string(containsString("Сумма: 360\u00a0000,00\u00a0₽ → 380\u00a0000,00\u00a0₽")));
  }

  @Test
  void aStrangersWhatsAppMessageBecomesTheDealsFirstClientMessage_andTheStrangerItsContact() throws Exception {
    mvc.perform(post("/simulator/whatsapp").param("phone", "+7 916 710-80-90").param("name", "Лидия Кравец")
        .param("text", "Здравствуйте! Нужны 20 задвижек Ду100").with(ROP).with(csrf())).andExpect(status().isFound());
    Long request = jdbc.queryForObject("select id from stranger_message where phone = '+79167108090'", Long.class);
    mvc.perform(get("/messages/new").with(PETROV))
        .andExpect(content().string(containsString("Нужны 20 задвижек Ду100")))
        .andExpect(content().string(containsString("/deals/new?stranger=" + request)));
    mvc.perform(get("/deals/new").param("stranger", request.toString()).with(PETROV))
        .andExpect(content().string(containsString("value=\"Лидия Кравец\"")))
        .andExpect(content().string(containsString("value=\"+79167108090\"")))
        .andExpect(content().string(containsString("Заявка из WhatsApp: Здравствуйте! Нужны 20 задвижек Ду100")));
    String to = mvc.perform(form("/deals/new", PETROV, "title", "20 задвижек Ду100", "name", "ИП Кравец Л. С.", "contactName", "Лидия Кравец",
            "phones", "+79167108090"))
        .andExpect(status().isOk()).andReturn().getResponse().getHeader("HX-Redirect");
    Long id = dealId(to);
    assertThat(jdbc.queryForObject("select deal_id from stranger_message where id = ?", Long.class, request)).isEqualTo(id);
    mvc.perform(get("/deals/" + id + "/chat/client").with(PETROV))
        .andExpect(content().string(containsString("Нужны 20 задвижек Ду100")));
    mvc.perform(get("/messages/new").with(PETROV)).andExpect(content().string(not(containsString("/deals/new?stranger=" + request))));
    mvc.perform(get("/deals/new").param("stranger", request.toString()).with(PETROV)).andExpect(status().isNotFound());
  }

  @Test
  void aDealMadeLaterForTheNumberPicksTheStrangersRequestUp() throws Exception {
    mvc.perform(post("/simulator/whatsapp").param("phone", "8 916 710-90-11").param("name", "Олег")
        .param("text", "Почём манометры МП-100?").with(ROP).with(csrf())).andExpect(status().isFound());
    String body = mvc.perform(post("/api/deals").with(ROP).with(csrf()).contentType("application/json").content("""
            {"title": "Манометры МП-100", "client": {"name": "ООО «Позже»", "contactName": "Олег Зимин", "phone": "+7 916 710 90 11"}}"""))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    long id = com.jayway.jsonpath.JsonPath.parse(body).read("$.id", Long.class);
    mvc.perform(get("/deals/" + id + "/chat/client").with(ROP)).andExpect(content().string(containsString("Почём манометры МП-100?")));
  }
}
