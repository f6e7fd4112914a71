package ru.voronka.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.voronka.support.PostgresIT;
import ru.voronka.support.WebSession;

/** Signed in once at /login, the user is the same user in Camunda's webapps; their «Log out» ends it all. */
class SingleSignOnIT extends PostgresIT {

  @LocalServerPort
  int port;

  @Test
  void theWebappsKnowTheUserSignedInAtVoronkasLogin() throws Exception {
    WebSession admin = WebSession.login("http://localhost:" + port, ADMIN, ADMIN_PASSWORD);

    // Camunda's filter signs the user in when a webapp's page (or the engine API) is first asked for.
    assertThat(admin.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    var whoAmI = admin.get("/camunda/api/admin/auth/user/default");
    assertThat(whoAmI.statusCode()).isEqualTo(200);
    assertThat(whoAmI.body()).contains("\"userId\":\"" + ADMIN + "\"").contains("cockpit").contains("tasklist");
    assertThat(admin.get("/camunda/api/engine/engine/default/process-definition/count").statusCode()).isEqualTo(200);

    assertThat(admin.post("/camunda/api/admin/auth/user/default/logout").statusCode()).isEqualTo(204);
    assertThat(admin.get("/camunda/api/admin/auth/user/default").statusCode()).isIn(401, 404);
    assertThat(admin.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(302);
  }
}
