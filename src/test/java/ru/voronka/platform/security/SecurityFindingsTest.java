package ru.voronka.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.voronka.support.TestClock;
import ru.voronka.support.WorkspaceTest;

/** The security findings of the «Trust» issue, each tried as an attacker would, on the demo. */
class SecurityFindingsTest extends WorkspaceTest {

  @Autowired MockMvc mvc;
  @Autowired IdentityService identity;
  @Autowired HistoryService history;
  @Autowired ProcessEngineConfigurationImpl engine;

  static org.springframework.test.web.servlet.RequestBuilder login(String user, String password, String address) {
    return post("/login").param("username", user).param("password", password).with(csrf()).with(from(address));
  }

  static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  @Test
  void guessingAPasswordIsSlowedDown_butNeverLocksTheOwnerOut() throws Exception {
    for (int i = 0; i < 12; i++) {
      mvc.perform(login("demoadmin", "guess" + i, "203.0.113.7")).andExpect(unauthenticated());
    }
    // The guesser waits, even with the right password...
    var throttled = mvc.perform(login("demoadmin", "demo", "203.0.113.7"))
        .andExpect(unauthenticated()).andReturn();
    // The session lives in the database (Spring Session JDBC): the next page finds it by its cookie.
    mvc.perform(get("/login").param("error", "").cookie(throttled.getResponse().getCookie("SESSION")))
        .andExpect(content().string(containsString("Слишком много неверных паролей подряд")));
    mvc.perform(get("/api/deals").with(httpBasic("demoadmin", "demo")).with(from("203.0.113.7"))).andExpect(status().isUnauthorized());
    // ...the administrator at their own desk does not, and Camunda has not locked the account.
    mvc.perform(login("demoadmin", "demo", "192.0.2.10"))
        .andExpect(authenticated().withUsername("demoadmin"));
    assertThat(identity.checkPassword("demoadmin", "demo")).isTrue();
    // The wait ends.
    TestClock.INSTANCE.advance(LoginThrottle.MAX_WAIT.plus(Duration.ofSeconds(1)));
    mvc.perform(login("demoadmin", "demo", "203.0.113.7"))
        .andExpect(authenticated().withUsername("demoadmin"));
  }

  @Test
  void theApiDescriptionNeedsALogin() throws Exception {
    mvc.perform(get("/v3/api-docs").accept(MediaType.TEXT_HTML)).andExpect(status().isFound());
    mvc.perform(get("/v3/api-docs").with(user("petrov").roles("MANAGERS"))).andExpect(status().isOk());
  }

  @Test
  void basicAuthApisRefuseChangesSentByAnotherSitesPage() throws Exception {
    String deal = "{\"title\":\"Чужой сайт\",\"client\":{\"name\":\"ООО «Ловушка»\"}}";
    mvc.perform(post("/api/deals").with(httpBasic("smirnova", "demo")).header("Origin", "https://evil.example")
        .contentType(MediaType.APPLICATION_JSON).content(deal))
        .andExpect(status().isForbidden()).andExpect(content().string(containsString("другого сайта")));
    mvc.perform(post("/engine-rest/deployment/create").with(httpBasic("admin", "admin")).header("Sec-Fetch-Site", "cross-site"))
        .andExpect(status().isForbidden());
    // The same request from Voronka's own page passes the check (and meets the API's own rules).
    mvc.perform(post("/api/deals").with(httpBasic("smirnova", "demo")).header("Origin", "http://localhost")
        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"\"}"))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Укажите название сделки")));
  }

  @Test
  void voronkasPagesCarryAContentSecurityPolicy_theWebappsKeepTheirOwn() throws Exception {
    mvc.perform(get("/login")).andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")));
    mvc.perform(get("/").with(user("petrov").roles("MANAGERS")))
        .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
        .andExpect(content().string(not(containsString("onchange="))));
  }

  /**
   * The policy forbids inline script, so a browser ignores an {@code onchange="…"} or a {@code javascript:}
   * link without a word: a parameter list that inserted nothing and a delete that asked nothing were found
   * that way in Chromium. Pages declare behaviour with data attributes handled in /js/forms.js instead (a JSON
   * data block is no script).
   */
  @Test
  void noPageTemplateCarriesInlineScript() throws Exception {
    java.util.regex.Pattern inline = java.util.regex.Pattern.compile("\\son[a-z]+\\s*=\\s*[\"']|javascript:|<script(?![^>]*\\ssrc=)(?![^>]*type=\"application/json\")[^>]*>");
    try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/resources/templates"))) {
      java.util.List<String> found = files.filter(f -> f.toString().endsWith(".ftlh")).flatMap(f -> {
        try {
          var m = inline.matcher(java.nio.file.Files.readString(f));
          java.util.List<String> hits = new java.util.ArrayList<>();
          while (m.find()) {
            hits.add(f + ": " + m.group());
          }
          return hits.stream();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
      assertThat(found).isEmpty();
    }
  }

  @Test
  void theHistoryOfEndedProcessesIsCleanedUpAtNight_byTheModelsTimeToLive() {
    assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(history.findHistoryCleanupJobs()).isNotEmpty();
  }
}
