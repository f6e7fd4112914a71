package ru.voronka.platform.security;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import ru.voronka.support.WorkspaceTest;

/** The one login: the page, good and bad passwords, CSRF on the workspace, 401 for scripts. */
class LoginTest extends WorkspaceTest {

  @Autowired MockMvc mvc;

  @Test
  void aPageAsksForTheLoginFirst() throws Exception {
    // What a browser asks for when it follows a link or a bookmark.
    mvc.perform(get("/chats").accept(MediaType.TEXT_HTML)).andExpect(status().isFound())
        .andExpect(redirectedUrl("http://localhost/login"));
    mvc.perform(get("/camunda/app/tasklist/default/").accept(MediaType.TEXT_HTML)).andExpect(status().isFound());
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Воронка — вход")))
        .andExpect(content().string(containsString("name=\"_csrf\"")));
  }

  @Test
  void scriptsGetA401NotTheLoginPage() throws Exception {
    mvc.perform(get("/chats/unread-count").header("HX-Request", "true")).andExpect(status().isUnauthorized());
    mvc.perform(get("/live")).andExpect(status().isUnauthorized());
  }

  @Test
  void aDemoUserLogsInAndABadPasswordIsRefusedInRussian() throws Exception {
    mvc.perform(formLogin("/login").user("petrov").password("demo")).andExpect(authenticated().withUsername("petrov"))
        .andExpect(redirectedUrl("/"));
    mvc.perform(formLogin("/login").user("petrov").password("wrong")).andExpect(unauthenticated())
        .andExpect(redirectedUrl("/login?error"));
    mvc.perform(get("/login").param("error", "")).andExpect(content().string(containsString("Неверный логин или пароль")));
    mvc.perform(get("/login").param("logout", "")).andExpect(content().string(containsString("Вы вышли из Воронки")));
  }

  @Test
  void aWorkspacePostWithoutItsCsrfTokenIsRefused() throws Exception {
    mvc.perform(post("/settings").param("popupMinutes", "3").with(user("petrov").roles("MANAGERS")))
        .andExpect(status().isForbidden());
    mvc.perform(post("/settings").param("popupMinutes", "3").with(user("petrov").roles("MANAGERS")).with(csrf()))
        .andExpect(redirectedUrl("/settings"));
  }
}
