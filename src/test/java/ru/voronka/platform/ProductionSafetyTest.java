package ru.voronka.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Production refuses the demo's administrator password, a weak one, and running with no WhatsApp provider chosen. */
class ProductionSafetyTest {

  @Test
  void theDemosPasswordsAndNoProviderAreRefused() {
    assertThat(ProductionSafety.problems("admin", "admin", "wazzup")).singleElement().asString().contains("VORONKA_ADMIN_PASSWORD");
    assertThat(ProductionSafety.problems("admin", "", "wazzup")).singleElement().asString().contains("not set");
    assertThat(ProductionSafety.problems("boss", "boss", "cloud")).hasSize(1);
    assertThat(ProductionSafety.problems("admin", "short", "cloud")).hasSize(1);
    assertThat(ProductionSafety.problems("admin", "Ur4l-Pumps-2026", null)).singleElement().asString()
        .contains("VORONKA_WHATSAPP_PROVIDER");
    assertThat(ProductionSafety.problems("admin", "Ur4l-Pumps-2026", "journal")).isEmpty(); // chosen by name
  }

  @Test
  void theStartIsRefusedWithTheReasons() {
    var environment = new MockEnvironment().withProperty("camunda.bpm.admin-user.password", "admin");
    assertThatThrownBy(() -> new ProductionSafety(environment)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("VORONKA_ADMIN_PASSWORD").hasMessageContaining("VORONKA_WHATSAPP_PROVIDER");
  }
}
