package ru.voronka.sms;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.voronka.notifications.Notice;
import ru.voronka.notifications.Notifier;
import ru.voronka.support.WorkspaceTest;

/** TEL-10 in the demo: a funnel notification also goes to the employee's mobile, from the SIM of their carrier. */
class SmsNotificationsTest extends WorkspaceTest {

  @Autowired Notifier notifier;
  @Autowired MockMvc mvc;

  @Test
  void anEscalationIsTextedFromTheSimOfTheRecipientsCarrier() throws Exception {
    notifier.notifyUsers(List.of("sidorova"), new Notice("Заявку №7 не взяли в работу за час", null, 7L, null));

    mvc.perform(get("/simulator/sms").with(user("demoadmin").roles("CAMUNDA_ADMIN")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Воронка: Заявку №7 не взяли в работу за час")))
        .andExpect(content().string(containsString("+79261002002"))) // Сидорова's mobile, МегаФон
        .andExpect(content().string(containsString("+79260000002"))); // the gateway's МегаФон SIM
  }
}
