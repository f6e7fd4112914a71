package ru.voronka.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.voronka.workspace.ClientPagesTest.form;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.voronka.support.WorkspaceTest;

/** «Сервисы WhatsApp» (seed 002's services page): «Настроить», «Проверить подключение», «Отключить», channels on and off. */
class WhatsAppServicesPagesTest extends WorkspaceTest {

  static final RequestPostProcessor ADMIN = user("demoadmin").roles("CAMUNDA_ADMIN");
  static final String PAGE = "/settings/whatsapp-services";
  /** Nothing listens there: the check says the provider is unreachable, the connection is kept. */
  static final String NOBODY = "http://127.0.0.1:9";

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void disconnect() {
    jdbc.update("delete from whatsapp_service");
    jdbc.update("delete from whatsapp_channel where provider in ('wazzup', 'i2crm', 'cloud')");
    jdbc.update("update whatsapp_channel set active = true where provider = 'sim'");
  }

  @Test
  @DisplayName("SWA-SVC-8")
  void theAdministratorConnectsChecksAndDisconnectsAService_andSwitchesChannels() throws Exception {
    mvc.perform(get(PAGE).with(ADMIN)).andExpect(status().isOk()).andExpect(content().string(allOf(
        containsString("<h1>Сервисы WhatsApp</h1>"), containsString("Wazzup"), containsString("I2CRM"),
        containsString("Default (WhatsApp Cloud API)"), containsString("Симулятор (демо)"), containsString("подключён настройками сервера"),
        containsString("не подключён"), containsString("Настроить"), containsString("sim-main"), containsString("name=\"_csrf\""))));

    mvc.perform(form(PAGE + "/wazzup", ADMIN, "apiKey", "", "baseUrl", "адрес")).andExpect(status().isBadRequest())
        .andExpect(content().string(allOf(containsString("Заполните поле «API-ключ»"), containsString("Адрес API — ссылка вида https://"))));

    mvc.perform(form(PAGE + "/wazzup", ADMIN, "apiKey", "wz-page-key-77aa88bb99cc", "crmKey", "", "channelId", "", "baseUrl", NOBODY))
        .andExpect(header().string("HX-Redirect", PAGE + "?done=unchecked&service=wazzup#service-wazzup"));
    mvc.perform(get(PAGE + "?done=unchecked&service=wazzup").with(ADMIN)).andExpect(status().isOk()).andExpect(content().string(allOf(
        containsString("Wazzup: Ключи сохранены, но проверка не прошла — её итог ниже"), containsString("Нет связи с http"),
        containsString("соединение не установлено"), containsString("Проверить подключение"),
        containsString("Отключить"), containsString("сохранён ••••99cc"), not(containsString("wz-page-key-77aa88bb99cc")))));

    mvc.perform(form(PAGE + "/wazzup/check", ADMIN)).andExpect(header().string("HX-Redirect", PAGE + "?done=failed&service=wazzup#service-wazzup"));

    Long simMain = jdbc.queryForObject("select id from whatsapp_channel where provider = 'sim' and channel_ref = 'sim-main'", Long.class);
    mvc.perform(form(PAGE + "/channels/" + simMain, ADMIN, "active", "false")).andExpect(header().string("HX-Redirect", PAGE + "?done=channel"));
    assertThat(jdbc.queryForObject("select active from whatsapp_channel where id = ?", Boolean.class, simMain)).isFalse();
    mvc.perform(form(PAGE + "/channels/" + simMain, ADMIN, "active", "true")).andExpect(header().string("HX-Redirect", PAGE + "?done=channel"));

    mvc.perform(form(PAGE + "/wazzup/disconnect", ADMIN)).andExpect(header().string("HX-Redirect", PAGE + "?done=disconnected&service=wazzup"));
    assertThat(jdbc.queryForObject("select count(*) from whatsapp_service", Long.class)).isZero();
    mvc.perform(form(PAGE + "/sim/disconnect", ADMIN)).andExpect(status().isConflict())
        .andExpect(content().string(containsString("подключён настройками сервера")));
  }

  @Test
  void onlyAnAdministratorOpensThePage_andEveryFormNeedsItsCsrfToken() throws Exception {
    mvc.perform(get(PAGE).with(user("smirnova").roles("ROP"))).andExpect(status().isForbidden());
    mvc.perform(get(PAGE).with(user("petrov").roles("MANAGERS"))).andExpect(status().isForbidden());
    mvc.perform(form(PAGE + "/wazzup", user("smirnova").roles("ROP"), "apiKey", "x", "baseUrl", NOBODY)).andExpect(status().isForbidden());
    mvc.perform(post(PAGE + "/wazzup").with(ADMIN).param("apiKey", "x").param("baseUrl", NOBODY)).andExpect(status().isForbidden());
    assertThat(jdbc.queryForObject("select count(*) from whatsapp_service", Long.class)).isZero();
  }
}
