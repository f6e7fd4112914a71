package ru.voronka.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.voronka.directory.Counterparty;
import ru.voronka.directory.CounterpartyRepository;
import ru.voronka.support.WorkspaceTest;

/** The client list, its search, and the forms that make and change a client card — with their refusals. */
class ClientPagesTest extends WorkspaceTest {

  static final RequestPostProcessor PETROV = user("petrov").roles("MANAGERS");
  static final RequestPostProcessor SIDOROVA = user("sidorova").roles("MANAGERS");
  static final RequestPostProcessor ROP = user("smirnova").roles("ROP");

  @Autowired MockMvc mvc;
  @Autowired CounterpartyRepository counterparties;
  @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

  static MockHttpServletRequestBuilder form(String path, RequestPostProcessor who, String... fields) {
    MockHttpServletRequestBuilder request = post(path).with(who).with(csrf()).header("HX-Request", "true");
    for (int i = 0; i < fields.length; i += 2) {
      request.param(fields[i], fields[i + 1]);
    }
    return request;
  }

  Long created(String name) {
    return counterparties.findAll().stream().filter(c -> c.getName().equals(name)).map(Counterparty::getId).findFirst().orElseThrow();
  }

  @Test
  void aManagersListShowsTheirClients_foundByNameInnContactAndAPhoneInAnySpelling() throws Exception {
    mvc.perform(get("/counterparties").with(PETROV))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("АО «СевЗапЭнерго»")))
        .andExpect(content().string(containsString("ООО «Уралмет»")))
        .andExpect(content().string(not(containsString("Казэнергомаш")))) // Сидорова's client
        .andExpect(content().string(containsString("Новый клиент")));
    for (String q : new String[] {"уралмет", "6601234565", "Соколов", "8 912 600 70 80", "+7(912)6007080", "600-70-80"}) {
      mvc.perform(get("/counterparties").param("q", q).with(PETROV))
          .andExpect(content().string(containsString("ООО «Уралмет»")))
          .andExpect(content().string(not(containsString("АО «СевЗапЭнерго»"))));
    }
    mvc.perform(get("/counterparties").param("q", "Ахметов").with(PETROV))
        .andExpect(content().string(containsString("Клиентов по запросу «Ахметов» нет")));
    mvc.perform(get("/counterparties").param("q", "Ахметов").with(ROP))
        .andExpect(content().string(containsString("ТОО «Казэнергомаш»")));
  }

  @Test
  void theDesktopFindsDealsByTheClientsInnPhoneAndContactName() throws Exception {
    for (String q : new String[] {"6601234565", "8 (912) 600-70-80", "Соколов Андрей"}) {
      mvc.perform(get("/").param("q", q).with(PETROV))
          .andExpect(content().string(containsString("Узел учёта тепла")))
          .andExpect(content().string(not(containsString("Поставка обратных клапанов"))));
    }
  }

  @Test
  void aManagerMakesAClientWithAContact_isItsResponsible_andARepeatIsOfferedTheExistingCard() throws Exception {
    mvc.perform(get("/counterparties/new").with(PETROV)).andExpect(status().isOk())
        .andExpect(content().string(containsString("Создать клиента")));
    mvc.perform(form("/counterparties", PETROV, "name", "ООО «Котлосервис»", "inn", "7736207543", "kpp", "773601001",
            "contactName", "Лаврова Нина", "jobTitle", "снабженец", "phones", "8 916 700-11-22", "emails", "Lavrova@Kotlo.ru"))
        .andExpect(status().isOk())
        .andExpect(header().string("HX-Redirect", startsWith("/counterparties/")));
    Long id = created("ООО «Котлосервис»");
    mvc.perform(get("/counterparties/" + id).param("saved", "created").with(PETROV))
        .andExpect(content().string(containsString("Карточка клиента создана")))
        .andExpect(content().string(containsString("Лаврова Нина")))
        .andExpect(content().string(containsString("tel:+79167001122")))
        .andExpect(content().string(containsString("lavrova@kotlo.ru")))
        .andExpect(content().string(containsString("Петров Алексей")))
        .andExpect(content().string(containsString("/deals/new?counterpartyId=" + id)));
    mvc.perform(get("/counterparties").param("q", "LAVROVA@kotlo").with(PETROV))
        .andExpect(content().string(containsString("ООО «Котлосервис»")));

    mvc.perform(get("/counterparties/duplicates").param("phones", "8 916 700 11 22").param("inn", "").with(SIDOROVA))
        .andExpect(content().string(containsString("Такой клиент уже есть"))); // offered while the form is still being typed
    mvc.perform(get("/counterparties/duplicates").param("inn", "77362").with(SIDOROVA))
        .andExpect(status().isOk()).andExpect(content().string(not(containsString("Такой клиент уже есть"))));
    mvc.perform(form("/counterparties", SIDOROVA, "name", "Котлосервис (дубль)", "contactName", "Нина", "phones", "+7 916 7001122"))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("Такой клиент уже есть")))
        .andExpect(content().string(containsString("тот же телефон +7 916 700-11-22")))
        .andExpect(content().string(containsString("href=\"/counterparties/" + id + "\"")));
    mvc.perform(form("/counterparties", SIDOROVA, "name", "Котлосервис-2", "inn", "7736207543"))
        .andExpect(status().isConflict()).andExpect(content().string(containsString("тот же ИНН 7736207543")));
    mvc.perform(form("/counterparties", SIDOROVA, "name", "Котлосервис-3", "contactName", "Нина", "emails", "lavrova@kotlo.ru"))
        .andExpect(status().isConflict()).andExpect(content().string(containsString("тот же e-mail")));
    mvc.perform(form("/counterparties", SIDOROVA, "name", "Котлосервис, филиал", "inn", "7736207543", "kpp", "773602001"))
        .andExpect(status().isOk()); // a branch: the same ИНН with its own КПП
  }

  @Test
  void aBadRequisiteOrContactIsRefusedInRussianAndNothingIsMade() throws Exception {
    long before = counterparties.count();
    mvc.perform(form("/counterparties", PETROV, "name", "ООО «Опечатка»", "inn", "7707083894"))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("не проходит проверку контрольного числа")));
    mvc.perform(form("/counterparties", PETROV, "name", "ООО «Опечатка»", "ogrn", "1027700132196"))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("ОГРН 1027700132196 не проходит")));
    mvc.perform(form("/counterparties", PETROV, "name", "ООО «Опечатка»", "kpp", "77-01"))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("КПП — 9 знаков")));
    mvc.perform(form("/counterparties", PETROV, "name", " "))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Укажите название контрагента")));
    mvc.perform(form("/counterparties", PETROV, "name", "ООО «Опечатка»", "phones", "+7 916 700-33-44"))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Укажите имя контакта")));
    mvc.perform(form("/counterparties", PETROV, "name", "ООО «Опечатка»", "contactName", "Иванов", "phones", "позвонить завтра"))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("не номер телефона")));
    mvc.perform(form("/counterparties", PETROV, "name", "ООО «Опечатка»", "contactName", "Иванов", "emails", "ivanov@"))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("не адрес электронной почты")));
    mvc.perform(form("/counterparties", user("volkov").roles("LOGISTS"), "name", "ООО «Логистика»"))
        .andExpect(status().isForbidden()).andExpect(content().string(containsString("ведут менеджеры по продажам и РОП")));
    assertThat(counterparties.count()).isEqualTo(before);
  }

  @Test
  void theResponsibleEditsRequisitesAndContactsAndChoosesTheMainOne_aColleagueCannot() throws Exception {
    mvc.perform(form("/counterparties", PETROV, "name", "ООО «Гидросила»", "contactName", "Зуев Олег", "phones", "+7 916 700-55-66"))
        .andExpect(status().isOk());
    Long id = created("ООО «Гидросила»");
    mvc.perform(form("/counterparties/" + id + "/edit", PETROV, "name", "ООО «Гидросила»", "inn", "7707083893", "kpp", "1234"))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("КПП")));
    mvc.perform(form("/counterparties/" + id + "/edit", PETROV, "name", "ООО «Гидросила-М»", "inn", "7707083893", "kpp", "773601001",
            "ogrn", "1027700132195", "region", "Москва", "address", "ул. Вавилова, 19"))
        .andExpect(header().string("HX-Redirect", "/counterparties/" + id + "?saved=requisites"));
    mvc.perform(form("/counterparties/" + id + "/contacts", PETROV, "fullName", "Зуева Анна", "jobTitle", "бухгалтер",
            "phones", "+7 916 700-55-67, 8 495 111-22-33"))
        .andExpect(status().isOk());
    mvc.perform(form("/counterparties/" + id + "/contacts", PETROV, "fullName", "Двойник", "phones", "+7 916 700-55-66"))
        .andExpect(status().isConflict()).andExpect(content().string(containsString("уже у контакта «Зуев Олег»")));
    Long anna = transactions.execute(tx -> counterparties.findById(id).orElseThrow().getContacts().stream()
        .filter(c -> c.getFullName().equals("Зуева Анна")).findFirst().orElseThrow().getId());
    mvc.perform(form("/counterparties/" + id + "/contacts/" + anna + "/main", PETROV)).andExpect(status().isOk());
    mvc.perform(form("/counterparties/" + id + "/contacts/" + anna, PETROV, "fullName", "Зуева Анна Петровна", "jobTitle", "главный бухгалтер",
            "phones", "+7 916 700-55-67", "main", "true"))
        .andExpect(status().isOk());
    mvc.perform(get("/counterparties/" + id).with(PETROV))
        .andExpect(content().string(containsString("ООО «Гидросила-М»")))
        .andExpect(content().string(containsString("1027700132195")))
        .andExpect(content().string(containsString("ул. Вавилова, 19")))
        .andExpect(content().string(containsString("<b>Зуева Анна Петровна</b> <span class=\"muted\">(основной)</span> · главный бухгалтер")))
        .andExpect(content().string(not(containsString("tel:+74951112233"))));
    mvc.perform(form("/counterparties/" + id + "/edit", SIDOROVA, "name", "Чужое")).andExpect(status().isNotFound());
    mvc.perform(get("/counterparties/" + id).with(SIDOROVA)).andExpect(status().isNotFound());
  }

  @Test
  void onlyTheРопSetsTheCardsResponsible() throws Exception {
    mvc.perform(form("/counterparties", PETROV, "name", "ООО «Передача»", "contactName", "Сёмин Лев", "phones", "+7 916 700-77-88"))
        .andExpect(status().isOk());
    Long id = created("ООО «Передача»");
    mvc.perform(form("/counterparties/" + id + "/responsible", PETROV, "userId", "petrov"))
        .andExpect(status().isForbidden()).andExpect(content().string(containsString("Ответственного по клиенту назначает РОП")));
    mvc.perform(get("/counterparties/" + id).with(ROP)).andExpect(content().string(containsString("Назначить ответственного")));
    mvc.perform(form("/counterparties/" + id + "/responsible", ROP, "userId", "sidorova")).andExpect(status().isOk());
    mvc.perform(get("/counterparties/" + id).with(SIDOROVA)).andExpect(content().string(containsString("Сидорова Мария")));
    mvc.perform(get("/counterparties/" + id).with(PETROV)).andExpect(status().isNotFound()); // no longer his client
  }

  @Test
  void theApiMakesAndChangesCardsAndContacts_refusingARepeatWith409() throws Exception {
    String body = mvc.perform(post("/api/counterparties").with(PETROV).with(csrf()).contentType("application/json").content("""
            {"name": "ИП Руденко Олег", "inn": "500100732259", "ogrn": "304500116000157",
             "contact": {"fullName": "Руденко Олег", "phones": ["8 (916) 700-99-00"], "emails": ["oleg@rudenko.ru"]}}"""))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.contacts[0].phones[0]").value("+79167009900"))
        .andExpect(jsonPath("$.contacts[0].main").value(true))
        .andExpect(jsonPath("$.responsible").value("petrov"))
        .andReturn().getResponse().getContentAsString();
    long id = com.jayway.jsonpath.JsonPath.parse(body).read("$.id", Long.class);
    mvc.perform(post("/api/counterparties").with(SIDOROVA).with(csrf()).contentType("application/json").content("""
            {"name": "Руденко", "contact": {"fullName": "Олег", "phones": ["+79167009900"]}}"""))
        .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("№" + id)));
    mvc.perform(get("/api/counterparties/duplicates").param("phone", "8 916 700 99 00").with(SIDOROVA))
        .andExpect(jsonPath("$[0].id").value(id));
    mvc.perform(post("/api/counterparties/" + id + "/contacts").with(PETROV).with(csrf()).contentType("application/json")
            .content("""
            {"fullName": "Руденко Вера", "jobTitle": "жена, бухгалтер", "phones": ["+7 916 700-99-01"], "main": true}"""))
        .andExpect(status().isCreated()).andExpect(jsonPath("$.main").value(true));
    mvc.perform(get("/api/counterparties/" + id + "/contacts").with(PETROV))
        .andExpect(jsonPath("$[0].fullName").value("Руденко Вера")).andExpect(jsonPath("$.length()").value(2));
    mvc.perform(put("/api/counterparties/" + id).with(PETROV).with(csrf()).contentType("application/json").content("""
            {"name": "ИП Руденко О. В.", "inn": "500100732259", "kpp": "773601001"}"""))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("у ИП его нет")));
    mvc.perform(put("/api/counterparties/" + id + "/responsible").with(PETROV).with(csrf()).contentType("application/json")
            .content("{\"userId\": \"sidorova\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/counterparties").param("q", "700-99-01").with(PETROV))
        .andExpect(jsonPath("$.content[0].name").value("ИП Руденко Олег"));
  }

  @Test
  void theOpenApiDescriptionDocumentsTheCardsContactsDealFieldsAndDismissal() throws Exception {
    mvc.perform(get("/v3/api-docs").with(PETROV)).andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/counterparties'].post.summary", containsString("Новый контрагент")))
        .andExpect(jsonPath("$.paths['/api/counterparties/{id}'].put").exists())
        .andExpect(jsonPath("$.paths['/api/counterparties/{id}/contacts'].post").exists())
        .andExpect(jsonPath("$.paths['/api/counterparties/{id}/contacts/{contactId}'].put").exists())
        .andExpect(jsonPath("$.paths['/api/counterparties/{id}/responsible'].put").exists())
        .andExpect(jsonPath("$.paths['/api/counterparties/{id}/main-contact'].put").exists())
        .andExpect(jsonPath("$.paths['/api/deals/{id}/fields'].put").exists())
        .andExpect(jsonPath("$.paths['/api/employees/{userId}/dismissal'].post").exists());
  }
}
