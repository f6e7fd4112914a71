package ru.voronka.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.voronka.workspace.ClientPagesTest.form;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
import ru.voronka.support.WorkspaceTest;

/** The administrator hires and dismisses; a user made in Camunda Admin gets a card when first signing in. */
class EmployeesPageTest extends WorkspaceTest {

  static final RequestPostProcessor ADMIN = user("demoadmin").roles("CAMUNDA_ADMIN");

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired IdentityService identity;

  @Test
  void theAdministratorHiresAnEmployeeWhoSignsIn_andDismissesThemSoTheyCannot() throws Exception {
    mvc.perform(get("/admin/employees").with(ADMIN)).andExpect(status().isOk())
        .andExpect(content().string(containsString("Петров Алексей")))
        .andExpect(content().string(containsString("Принять сотрудника")));
    mvc.perform(form("/admin/employees", ADMIN, "lastName", "Новикова", "firstName", "Анна", "userId", "novikova", "password", "secret1",
            "position", "Менеджер по продажам", "department", "Отдел продаж", "groups", "MANAGERS", "extension", "108",
            "mobilePhone", "8 916 100-20-08", "mobileCarrier", "МТС"))
        .andExpect(header().string("HX-Redirect", "/admin/employees?saved=novikova"));
    Employee hired = directory.employee("novikova").orElseThrow();
    assertThat(hired.getFullName()).isEqualTo("Новикова Анна");
    assertThat(hired.getExtension()).isEqualTo("108");
    assertThat(hired.getMobilePhone()).isEqualTo("+79161002008");
    assertThat(directory.isMember("novikova", ru.voronka.directory.Group.MANAGERS)).isTrue();
    mvc.perform(get("/admin/employees").with(ADMIN))
        .andExpect(content().string(containsString("Новикова Анна")))
        .andExpect(content().string(containsString("Менеджеры по продажам")));
    mvc.perform(formLogin().user("novikova").password("secret1")).andExpect(authenticated().withUsername("novikova"));

    mvc.perform(form("/admin/employees/novikova/dismiss", ADMIN)).andExpect(status().isOk());
    assertThat(directory.employee("novikova").orElseThrow().isActive()).isFalse();
    assertThat(directory.isMember("novikova", ru.voronka.directory.Group.MANAGERS)).isFalse();
    mvc.perform(formLogin().user("novikova").password("secret1")).andExpect(unauthenticated());
    mvc.perform(get("/admin/employees").with(ADMIN)).andExpect(content().string(containsString("(уволен)")));
    mvc.perform(form("/admin/employees/novikova/dismiss", ADMIN)).andExpect(status().isConflict());
  }

  @Test
  void hiringIsRefusedInRussian_andOnlyForAdministrators() throws Exception {
    mvc.perform(form("/admin/employees", ADMIN, "lastName", "Иванов", "firstName", "Иван", "userId", "Иванов", "password", "secret1",
            "groups", "MANAGERS"))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Логин: латинские строчные буквы")));
    mvc.perform(form("/admin/employees", ADMIN, "lastName", "Иванов", "firstName", "Иван", "userId", "ivanov", "password", "secret1"))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Отметьте хотя бы одну роль")));
    mvc.perform(form("/admin/employees", ADMIN, "lastName", "Петров", "firstName", "Пётр", "userId", "petrov", "password", "secret1",
            "groups", "MANAGERS"))
        .andExpect(status().isConflict()).andExpect(content().string(containsString("уже есть")));
    mvc.perform(form("/admin/employees", ADMIN, "lastName", "Иванов", "firstName", "Иван", "userId", "ivanov", "password", "secret1",
            "groups", "MANAGERS", "mobilePhone", "не знаю"))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("не номер телефона")));
    assertThat(directory.employee("ivanov")).isEmpty();
    assertThat(identity.createUserQuery().userId("ivanov").count()).isZero();
    mvc.perform(get("/admin/employees").with(user("smirnova").roles("ROP"))).andExpect(status().isForbidden());
    mvc.perform(form("/admin/employees/petrov/dismiss", user("smirnova").roles("ROP"))).andExpect(status().isForbidden());
    mvc.perform(form("/admin/employees/demoadmin/dismiss", ADMIN)).andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Уволить самого себя нельзя")));
  }

  @Test
  void aUserMadeInCamundaAdminGetsAnEmployeeCardOnFirstSignIn() throws Exception {
    var user = identity.newUser("gromova");
    user.setFirstName("Вера");
    user.setLastName("Громова");
    user.setEmail("gromova@voronka.example");
    user.setPassword("secret2");
    identity.saveUser(user);
    identity.createMembership("gromova", "managers");
    assertThat(directory.employee("gromova")).isEmpty();
    mvc.perform(formLogin().user("gromova").password("secret2")).andExpect(authenticated());
    Employee card = directory.employee("gromova").orElseThrow();
    assertThat(card.getFullName()).isEqualTo("Громова Вера");
    assertThat(card.getEmail()).isEqualTo("gromova@voronka.example");
    assertThat(card.isActive()).isTrue();
  }
}
