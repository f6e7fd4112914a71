package ru.voronka.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
@EnableAsync // events between modules reach their listeners after the commit, on their own threads
class PlatformConfig {

  @Bean
  OpenAPI voronkaOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Voronka API").version("1")
            .description("Сделки воронки «Продажа» (список, канбан, история, действия, конверсия), задачи, чаты и сообщения, "
                + "звонки и события, контрагенты и контакты. Вход — HTTP Basic, "
                + "те же логин и пароль, что в Camunda Tasklist. Ошибки — RFC 9457 (problem details) с описанием по-русски."))
        .components(new Components().addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
