package ru.voronka.workspace;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealRepository;
import ru.voronka.support.WorkspaceTest;

/** The desktop, the deal card and the counterparty card as each role gets them. */
class DealPagesTest extends WorkspaceTest {

  static final RequestPostProcessor PETROV = user("petrov").roles("MANAGERS");
  static final RequestPostProcessor SIDOROVA = user("sidorova").roles("MANAGERS");
  static final RequestPostProcessor ROP = user("smirnova").roles("ROP");

  @Autowired MockMvc mvc;
  @Autowired DealRepository deals;

  Deal deal(String title) {
    return deals.findAll().stream().filter(d -> d.getTitle().equals(title)).findFirst().orElseThrow();
  }

  @Test
  void aManagersDesktopListsTheirDealsAndTheNewRequestsMarkingNewClientMessages() throws Exception {
    Deal valves = deal("Поставка обратных клапанов");
    mvc.perform(get("/").with(PETROV))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Поставка обратных клапанов")))
        .andExpect(content().string(containsString("Манометры для котельной"))) // nobody has taken it yet
        .andExpect(content().string(not(containsString("Насосная станция для ТЭЦ"))))
        .andExpect(content().string(containsString("href=\"/deals/" + valves.getId() + "?tab=client\" title=\"Новые сообщения клиента\"")))
        .andExpect(content().string(containsString("120\u00a0000,00")));
    mvc.perform(get("/").param("q", "клапан").with(PETROV))
        .andExpect(content().string(containsString("Поставка обратных клапанов")))
        .andExpect(content().string(not(containsString("Узел учёта тепла"))));
    mvc.perform(get("/").param("q", "нет такой сделки").with(PETROV))
        .andExpect(content().string(containsString("Сделок по этим условиям нет")));
  }

  @Test
  void theРопSeesEveryDealFiltersByResponsibleAndPages() throws Exception {
    mvc.perform(get("/").with(ROP))
        .andExpect(content().string(containsString("Насосная станция для ТЭЦ")))
        .andExpect(content().string(containsString("Ответственный")));
    mvc.perform(get("/").param("responsible", "sidorova").with(ROP))
        .andExpect(content().string(containsString("Насосная станция для ТЭЦ")))
        .andExpect(content().string(not(containsString("Поставка обратных клапанов"))));
    mvc.perform(get("/").param("stage", "LOST").with(ROP))
        .andExpect(content().string(containsString("Шкаф управления насосами")))
        .andExpect(content().string(not(containsString("Датчики давления"))));
  }

  @Test
  void theDealCardShowsEveryTabToItsResponsibleAndIsNotFoundForAnotherManager() throws Exception {
    Deal meter = deal("Узел учёта тепла");
    mvc.perform(get("/deals/" + meter.getId()).with(PETROV))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Общее")))
        .andExpect(content().string(containsString("ВС WhatsApp")))
        .andExpect(content().string(containsString("620\u00a0000,00")))
        .andExpect(content().string(containsString("Провалить")));
    for (String tab : DealPageController.TABS) {
      mvc.perform(get("/deals/" + meter.getId() + "/tab/" + tab).with(PETROV).header("HX-Request", "true"))
          .andExpect(status().isOk());
    }
    // The history is paged, newest first; the other tests of this context add lines to the demo deal.
    String history = "";
    for (int page = 0; page < 20 && !history.contains("Сделка создана"); page++) {
      history = mvc.perform(get("/deals/" + meter.getId()).param("tab", "history").param("page", String.valueOf(page)).with(PETROV))
          .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
    org.assertj.core.api.Assertions.assertThat(history).contains("Сделка создана");
    mvc.perform(get("/deals/" + meter.getId()).param("tab", "tasks").with(PETROV))
        .andExpect(content().string(containsString("Открыть")));
    mvc.perform(get("/deals/" + meter.getId()).with(SIDOROVA))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("не найдена")));
  }

  @Test
  void aRefusedActionShowsTheReasonAndChangesNothing_aGoodOneIsCarriedOut() throws Exception {
    Deal valves = deal("Поставка обратных клапанов");
    mvc.perform(post("/deals/" + valves.getId() + "/loss").param("reason", "OTHER").param("comment", "")
            .with(PETROV).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Для причины «Другое» комментарий обязателен")));
    mvc.perform(post("/deals/" + valves.getId() + "/stage").param("stage", "KP").with(SIDOROVA).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isNotFound());

    Deal gauges = deal("Запорная арматура Ду50");
    mvc.perform(post("/deals/" + gauges.getId() + "/actions").param("action", "TAKE_INTO_WORK")
            .with(user("kuznetsov").roles("MANAGERS")).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Нажата кнопка «Взять в работу»")))
        .andExpect(content().string(containsString("Кузнецов Дмитрий")));
    mvc.perform(get("/").param("responsible", "kuznetsov").with(ROP))
        .andExpect(content().string(containsString("Запорная арматура Ду50")));
  }

  @Test
  void theCounterpartyCardShowsContactsAndIsNotFoundForAStranger() throws Exception {
    Deal valves = deal("Поставка обратных клапанов");
    Long client = valves.getCounterparty().getId();
    mvc.perform(get("/counterparties/" + client).with(PETROV))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("АО «СевЗапЭнерго»")))
        .andExpect(content().string(containsString("Павлова Ирина")))
        .andExpect(content().string(containsString("tel:+79215558822")))
        .andExpect(content().string(containsString("/counterparties/" + client + "/chats")));
    mvc.perform(get("/counterparties/" + client).with(SIDOROVA)).andExpect(status().isNotFound());
    mvc.perform(get("/counterparties/" + client).with(ROP)).andExpect(status().isOk());
  }

  @Test
  void theDealsWhatsAppQrCodeIsAPngForThoseWhoSeeTheDeal() throws Exception {
    Deal meter = deal("Узел учёта тепла");
    byte[] png = mvc.perform(get("/deals/" + meter.getId() + "/whatsapp-qr.png").with(PETROV))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsByteArray();
    org.assertj.core.api.Assertions.assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    mvc.perform(get("/deals/" + meter.getId() + "/whatsapp-qr.png").with(SIDOROVA)).andExpect(status().isNotFound());
    mvc.perform(get("/deals/" + meter.getId()).param("tab", "documents").with(PETROV))
        .andExpect(content().string(containsString("https://wa.me/74956498447?text=")));
  }

  /** PLT-4: the card's form carries the version it was drawn from; a deal changed since refuses, in Russian. */
  @Test
  void aHandOverFromACardDrawnBeforeSomebodyElsesChangeIsRefused_refreshAndRepeat() throws Exception {
    Deal pump = deal("Насосная станция для ТЭЦ");
    long drawn = pump.getVersion();
    mvc.perform(get("/deals/" + pump.getId()).with(ROP))
        .andExpect(content().string(containsString("name=\"version\" value=\"" + drawn + "\"")));
    // the pumping station is sidorova's (demo data): handed to petrov, then — from the old card — to kuznetsov
    String other = "petrov";
    String third = "kuznetsov";
    mvc.perform(post("/deals/" + pump.getId() + "/responsible").param("userId", other).param("version", String.valueOf(drawn))
        .with(ROP).with(csrf()).header("HX-Request", "true")).andExpect(status().isOk());

    mvc.perform(post("/deals/" + pump.getId() + "/responsible").param("userId", third).param("version", String.valueOf(drawn))
            .with(ROP).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("Данные изменились — обновите страницу и повторите")));
    long now = deal("Насосная станция для ТЭЦ").getVersion();
    mvc.perform(post("/deals/" + pump.getId() + "/responsible").param("userId", third).param("version", String.valueOf(now))
        .with(ROP).with(csrf()).header("HX-Request", "true")).andExpect(status().isOk());
    // the demo deal goes back to sidorova: the other tests of this context read it as hers
    mvc.perform(post("/deals/" + pump.getId() + "/responsible").param("userId", "sidorova")
        .param("version", String.valueOf(deal("Насосная станция для ТЭЦ").getVersion()))
        .with(ROP).with(csrf()).header("HX-Request", "true")).andExpect(status().isOk());
  }
}
