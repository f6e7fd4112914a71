package ru.voronka.workspace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.Viewers;
import ru.voronka.directory.Group;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;
import ru.voronka.whatsapp.WhatsAppServices;

/**
 * «Сервисы WhatsApp» (seed 002's services page, WA-11): the administrator connects Wazzup, I2CRM and
 * Default (the Cloud API) side by side — «Настроить», «Проверить подключение», «Отключить» — and switches
 * each service's channels on and off. The work is {@link WhatsAppServices}'s.
 */
@Controller
class WhatsAppServicesPageController {

  private static final Map<String, String> DONE = Map.of(
      "connected", "Сервис подключён", "checked", "Подключение проверено", "disconnected", "Сервис отключён",
      "channel", "Канал переключён", "unchecked", "Ключи сохранены, но проверка не прошла — её итог ниже",
      "failed", "Проверка не прошла — её итог ниже");

  private final WhatsAppServices services;

  WhatsAppServicesPageController(WhatsAppServices services) {
    this.services = services;
  }

  @GetMapping("/settings/whatsapp-services")
  String page(@RequestParam(required = false) String done, @RequestParam(required = false) String service, Authentication auth,
      Model model) {
    requireAdmin(Viewers.of(auth));
    model.addAttribute("services", services.all());
    if (done != null && DONE.containsKey(done)) {
      boolean failed = done.equals("unchecked") || done.equals("failed");
      model.addAttribute(failed ? "warning" : "saved", (service == null ? "" : WhatsAppServices.titleOf(service) + ": ") + DONE.get(done));
    }
    return "workspace/whatsapp-services";
  }

  /** «Настроить»: the credentials form; every field by its name, a secret left blank keeps the stored one. */
  @PostMapping("/settings/whatsapp-services/{service}")
  String connect(@PathVariable String service, @RequestParam Map<String, String> form, Authentication auth,
      HttpServletRequest request, HttpServletResponse response) {
    boolean ok = services.connect(Viewers.of(auth), service, form).ok();
    return FormValues.go("/settings/whatsapp-services?done=" + (ok ? "connected" : "unchecked") + "&service=" + service + "#service-" + service,
        request, response);
  }

  @PostMapping("/settings/whatsapp-services/{service}/check")
  String check(@PathVariable String service, Authentication auth, HttpServletRequest request, HttpServletResponse response) {
    boolean ok = services.check(Viewers.of(auth), service).ok();
    return FormValues.go("/settings/whatsapp-services?done=" + (ok ? "checked" : "failed") + "&service=" + service + "#service-" + service,
        request, response);
  }

  @PostMapping("/settings/whatsapp-services/{service}/disconnect")
  String disconnect(@PathVariable String service, Authentication auth, HttpServletRequest request, HttpServletResponse response) {
    services.disconnect(Viewers.of(auth), service);
    return FormValues.go("/settings/whatsapp-services?done=disconnected&service=" + service, request, response);
  }

  @PostMapping("/settings/whatsapp-services/channels/{id}")
  String switchChannel(@PathVariable Long id, @RequestParam boolean active, Authentication auth, HttpServletRequest request,
      HttpServletResponse response) {
    services.switchChannel(Viewers.of(auth), id, active);
    return FormValues.go("/settings/whatsapp-services?done=channel", request, response);
  }

  private static void requireAdmin(Viewer viewer) {
    if (!viewer.groups().contains(Group.ADMINS)) {
      throw new DomainException(Kind.FORBIDDEN, "Сервисы WhatsApp подключает администратор");
    }
  }
}
