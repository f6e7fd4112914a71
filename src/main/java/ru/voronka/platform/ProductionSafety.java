package ru.voronka.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Production ({@code voronka.demo.enabled=false}) refuses to start with what is only fit for the
 * demo: the administrator's password of the demo, a weak one, or no WhatsApp provider chosen — in
 * which case clients would silently get nothing. «journal» has to be chosen by name, and its
 * messages then show «Ошибка».
 */
@Component
@ConditionalOnProperty(name = "voronka.demo.enabled", havingValue = "false")
class ProductionSafety {

  private static final Logger log = LoggerFactory.getLogger(ProductionSafety.class);
  private static final Set<String> DEMO_PASSWORDS = Set.of("admin", "demo", "password", "12345678", "changeme");
  static final int MIN_PASSWORD = 8;

  ProductionSafety(Environment environment) {
    List<String> problems = problems(environment.getProperty("camunda.bpm.admin-user.id", "admin"),
        environment.getProperty("camunda.bpm.admin-user.password", ""), environment.getProperty("voronka.whatsapp.provider", ""));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Voronka is not safe to run in production:\n - " + String.join("\n - ", problems));
    }
    if ("journal".equals(environment.getProperty("voronka.whatsapp.provider"))) {
      log.warn("VORONKA_WHATSAPP_PROVIDER=journal: no message reaches a client; each one shows «Ошибка»");
    }
  }

  static List<String> problems(String adminId, String adminPassword, String whatsappProvider) {
    List<String> problems = new ArrayList<>();
    String password = adminPassword == null ? "" : adminPassword;
    if (password.isBlank()) {
      problems.add("VORONKA_ADMIN_PASSWORD is not set");
    } else if (password.length() < MIN_PASSWORD || DEMO_PASSWORDS.contains(password.toLowerCase()) || password.equals(adminId)) {
      problems.add("VORONKA_ADMIN_PASSWORD is the demo's or too weak (at least " + MIN_PASSWORD + " characters, not the login)");
    }
    if (whatsappProvider == null || whatsappProvider.isBlank()) {
      problems.add("VORONKA_WHATSAPP_PROVIDER is not set: wazzup, i2crm or cloud (journal: nothing reaches clients)");
    }
    return problems;
  }
}
