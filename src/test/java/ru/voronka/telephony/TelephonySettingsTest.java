package ru.voronka.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Issue 18 (9): the telephony settings come from the same environment variables in every profile —
 * the README's launch line {@code VORONKA_PBX=asterisk VORONKA_AMI_HOST=… mvn spring-boot:run} must
 * reach Asterisk in the default (H2) run as it does with {@code postgres}.
 */
class TelephonySettingsTest {

  static final Map<String, Object> ENVIRONMENT = Map.of("VORONKA_PBX", "asterisk", "VORONKA_AMI_HOST", "pbx.example.ru",
      "VORONKA_AMI_PORT", "5039", "VORONKA_AMI_USER", "voronka", "VORONKA_AMI_SECRET", "ami-secret", "VORONKA_AGI_PORT", "4600",
      "VORONKA_RECORDINGS_URL", "https://pbx.example.ru/monitor/{linkedid}.wav", "VORONKA_OFFICE_HOURS", "08:00-20:00",
      "VORONKA_OFFICE_DAYS", "1-6");

  /** Only the settings binding: the application's own yml files, its profiles, and the variables above. */
  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(TelephonyProperties.class)
  static class SettingsOnly {}

  @ParameterizedTest
  @ValueSource(strings = {"default", "postgres"})
  void everyProfileReadsTheVariables(String profile) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, ENVIRONMENT));
    SpringApplication application = new SpringApplication(SettingsOnly.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.setEnvironment(environment);
    application.setAdditionalProfiles("default".equals(profile) ? new String[0] : new String[] {profile});
    try (ConfigurableApplicationContext context = application.run()) {
      TelephonyProperties telephony = context.getBean(TelephonyProperties.class);
      assertThat(telephony.pbx()).isEqualTo("asterisk");
      assertThat(telephony.ami()).isEqualTo(new TelephonyProperties.Ami("pbx.example.ru", 5039, "voronka", "ami-secret"));
      assertThat(telephony.agiPort()).isEqualTo(4600);
      assertThat(telephony.recordings()).isEqualTo("https://pbx.example.ru/monitor/{linkedid}.wav");
      assertThat(telephony.officeHours()).isEqualTo("08:00-20:00");
      assertThat(telephony.officeDays()).isEqualTo("1-6");
      assertThat(telephony.trunks()).containsKeys("МТС", "МегаФон", "Билайн"); // the carriers' trunks, as pjsip.conf names them
    }
  }
}
