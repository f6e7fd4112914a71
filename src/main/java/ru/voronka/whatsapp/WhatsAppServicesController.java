package ru.voronka.whatsapp;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.Viewers;

@Tag(name = "Сервисы WhatsApp", description = "Wazzup, I2CRM и Default (Cloud API) рядом (WA-11, AUT-2): подключение, проверка, "
    + "отключение, каналы — только администратор. Ключи хранятся зашифрованными и не возвращаются целиком.")
@RestController
@RequestMapping("/api/whatsapp/services")
class WhatsAppServicesController {

  private final WhatsAppServices services;

  WhatsAppServicesController(WhatsAppServices services) {
    this.services = services;
  }

  /** The result of a connection or a check, with the service as it now stands. */
  record Checked(boolean ok, String message, WhatsAppServices.ServiceView service) {}

  record ChannelSwitch(Boolean active) {}

  @Operation(summary = "Все сервисы: подключён ли (origin: settings — на странице, environment — настройками сервера), "
      + "итог последней проверки, поля (секреты замаскированы), каналы")
  @GetMapping
  List<WhatsAppServices.ServiceView> list(Authentication auth) {
    WhatsAppServices.requireAdmin(Viewers.of(auth));
    return services.all();
  }

  @Operation(summary = "Один сервис: wazzup, i2crm или cloud")
  @GetMapping("/{service}")
  WhatsAppServices.ServiceView get(@PathVariable String service, Authentication auth) {
    WhatsAppServices.requireAdmin(Viewers.of(auth));
    return services.get(service);
  }

  @Operation(summary = "Подключить или перенастроить сервис и сразу проверить подключение",
      description = "Поля: wazzup — apiKey*, crmKey, channelId, baseUrl; i2crm — token*, channelId*, webhookSecret, baseUrl*; "
          + "cloud — accessToken*, phoneNumberId*, appSecret*, verifyToken, version, baseUrl. Пустой секрет оставляет сохранённый. "
          + "Ошибки заполнения — 400 с перечнем по-русски")
  @PutMapping("/{service}")
  Checked connect(@PathVariable String service, @RequestBody Map<String, String> credentials, Authentication auth) {
    WhatsAppServices.CheckResult result = services.connect(Viewers.of(auth), service, credentials);
    return new Checked(result.ok(), result.message(), services.get(service));
  }

  @Operation(summary = "Проверить подключение", description = "Wazzup: GET /v3/channels; Cloud API: GET /{version}/{phone-number-id}; "
      + "I2CRM: GET /api/v1/channels. Каналы, которые сообщил провайдер, записываются")
  @PostMapping("/{service}/check")
  Checked check(@PathVariable String service, Authentication auth) {
    WhatsAppServices.CheckResult result = services.check(Viewers.of(auth), service);
    return new Checked(result.ok(), result.message(), services.get(service));
  }

  @Operation(summary = "Отключить сервис, подключённый на странице (его ключи и каналы удаляются)")
  @DeleteMapping("/{service}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void disconnect(@PathVariable String service, Authentication auth) {
    services.disconnect(Viewers.of(auth), service);
  }

  @Operation(summary = "Включить или выключить канал", description = "{\"active\": true|false}; отправлять может только включённый "
      + "канал, активный у провайдера")
  @PutMapping("/channels/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void switchChannel(@PathVariable Long id, @RequestBody ChannelSwitch body, Authentication auth) {
    Viewer viewer = Viewers.of(auth);
    WhatsAppServices.requireAdmin(viewer);
    if (body == null || body.active() == null) {
      throw new ru.voronka.platform.web.DomainException(ru.voronka.platform.web.DomainException.Kind.INVALID,
          "Укажите active: true или false");
    }
    services.switchChannel(viewer, id, body.active());
  }
}
