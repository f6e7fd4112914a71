package ru.voronka.workspace;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.voronka.chat.MessageRouting;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.Viewers;
import ru.voronka.directory.EmployeeRepository;
import ru.voronka.directory.Group;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;
import ru.voronka.sms.SmsPort;
import ru.voronka.sms.SmsTemplates;
import ru.voronka.whatsapp.WazzupChannelSync;
import ru.voronka.whatsapp.WhatsAppChannels;
import ru.voronka.whatsapp.WhatsAppServices;
import ru.voronka.whatsapp.WhatsAppSettings;

/**
 * WhatsApp settings for the leads of sales: who receives whose client messages (WA-1), who gets
 * those of clients without a responsible, the automatic reply and the closed-deal notice (WA-2,
 * WA-4), the messages that came from strangers, SMS templates and — for administrators — the SMS
 * gateway's state.
 */
@Controller
class MessagingSettingsController {

  private final MessageRouting routing;
  private final WhatsAppSettings texts;
  private final EmployeeRepository employees;
  private final JdbcTemplate jdbc;
  private final WhatsAppChannels channels;
  private final ObjectProvider<WazzupChannelSync> wazzupSync;
  private final SmsTemplates smsTemplates;
  private final SmsPort sms;
  private final WhatsAppServices services;

  MessagingSettingsController(MessageRouting routing, WhatsAppSettings texts, EmployeeRepository employees, JdbcTemplate jdbc,
      WhatsAppChannels channels, ObjectProvider<WazzupChannelSync> wazzupSync, SmsTemplates smsTemplates, SmsPort sms,
      WhatsAppServices services) {
    this.services = services;
    this.sms = sms;
    this.smsTemplates = smsTemplates;
    this.channels = channels;
    this.wazzupSync = wazzupSync;
    this.routing = routing;
    this.texts = texts;
    this.employees = employees;
    this.jdbc = jdbc;
  }

  /** {@code open}: no deal took it yet and there is a number to make a client of — «Создать сделку». */
  public record Stranger(Long id, String phone, String name, String body, String at, Long dealId, boolean open) {}

  @GetMapping("/settings/messaging")
  String page(Authentication auth, Model model) {
    requireLead(Viewers.of(auth));
    model.addAttribute("delegations", routing.delegations());
    model.addAttribute("unassigned", routing.unassignedRecipients().stream().map(e -> new Option(e.getUserId(), e.getFullName())).toList());
    model.addAttribute("employees", employees.findActive().stream().map(e -> new Option(e.getUserId(), e.getFullName())).toList());
    model.addAttribute("channels", channels.all());
    model.addAttribute("smsTemplates", smsTemplates.all());
    model.addAttribute("smsGateway", sms.state()); // shown to administrators: the bind's state
    model.addAttribute("canSync", services.isConnected(WhatsAppServices.WAZZUP));
    model.addAttribute("autoReply", texts.text(WhatsAppSettings.AUTO_REPLY));
    model.addAttribute("closedNotice", texts.text(WhatsAppSettings.CLOSED_DEAL_NOTICE));
    model.addAttribute("strangers", jdbc.query("""
        select coalesce(phone, whatsapp_user_id), sender_name,
               coalesce(body, '') || coalesce(' [не разнесено по чатам: ' || failure || ']', ''), received_at, id, deal_id,
               phone is not null and failure is null
        from stranger_message order by received_at desc limit 50""",
        (rs, i) -> new Stranger(rs.getLong(5), rs.getString(1), rs.getString(2), rs.getString(3),
            RussianFormats.dateTime(rs.getTimestamp(4).toInstant()), rs.getObject(6) == null ? null : rs.getLong(6),
            rs.getObject(6) == null && rs.getBoolean(7))));
    return "workspace/messaging-settings";
  }

  @PostMapping("/settings/messaging/delegations")
  String delegate(@RequestParam String receiver, @RequestParam String source, Authentication auth, RedirectAttributes redirect) {
    routing.delegate(Viewers.of(auth), receiver, source);
    redirect.addFlashAttribute("saved", "Строка добавлена");
    return "redirect:/settings/messaging";
  }

  @PostMapping("/settings/messaging/delegations/{id}/delete")
  String undelegate(@PathVariable Long id, Authentication auth, RedirectAttributes redirect) {
    routing.removeDelegation(Viewers.of(auth), id);
    redirect.addFlashAttribute("saved", "Строка удалена");
    return "redirect:/settings/messaging";
  }

  @PostMapping("/settings/messaging/unassigned")
  String addUnassigned(@RequestParam String userId, Authentication auth, RedirectAttributes redirect) {
    routing.addUnassignedRecipient(Viewers.of(auth), userId);
    redirect.addFlashAttribute("saved", "Получатель добавлен");
    return "redirect:/settings/messaging";
  }

  @PostMapping("/settings/messaging/unassigned/{userId}/delete")
  String removeUnassigned(@PathVariable String userId, Authentication auth, RedirectAttributes redirect) {
    routing.removeUnassignedRecipient(Viewers.of(auth), userId);
    redirect.addFlashAttribute("saved", "Получатель убран");
    return "redirect:/settings/messaging";
  }

  @PostMapping("/settings/messaging/texts")
  String texts(@RequestParam String name, @RequestParam(required = false) String text, Authentication auth,
      RedirectAttributes redirect) {
    Viewer viewer = Viewers.of(auth);
    if (!viewer.groups().contains(Group.ADMINS)) {
      throw new DomainException(Kind.FORBIDDEN, "Тексты автоответов меняет администратор");
    }
    texts.setText(name, text, viewer.userId());
    redirect.addFlashAttribute("saved", "Текст сохранён");
    return "redirect:/settings/messaging";
  }

  @PostMapping("/settings/messaging/sms-templates")
  String saveSmsTemplate(@RequestParam(required = false) String name, @RequestParam(required = false) String body,
      Authentication auth, RedirectAttributes redirect) {
    Viewer viewer = Viewers.of(auth);
    smsTemplates.save(viewer.userId(), viewer.groups().contains(ru.voronka.directory.Group.ADMINS), name, body);
    redirect.addFlashAttribute("saved", "Шаблон SMS сохранён");
    return "redirect:/settings/messaging";
  }

  @PostMapping("/settings/messaging/channels/sync")
  String syncChannels(Authentication auth, RedirectAttributes redirect) {
    if (!Viewers.of(auth).groups().contains(Group.ADMINS)) {
      throw new DomainException(Kind.FORBIDDEN, "Каналы обновляет администратор");
    }
    WazzupChannelSync sync = wazzupSync.getIfAvailable();
    int read = sync == null ? -1 : sync.sync();
    redirect.addFlashAttribute("saved", read < 0 ? "Каналы не прочитаны: Wazzup не подключён или недоступен"
        : "Каналов WhatsApp в Wazzup: " + read);
    return "redirect:/settings/messaging";
  }

  @PostMapping("/settings/messaging/channels/{id}")
  String switchChannel(@PathVariable Long id, @RequestParam boolean active, Authentication auth, RedirectAttributes redirect) {
    channels.switchOn(Viewers.of(auth), id, active);
    redirect.addFlashAttribute("saved", active ? "Канал включён" : "Канал выключен");
    return "redirect:/settings/messaging";
  }

  private static void requireLead(Viewer viewer) {
    if (!viewer.leadsSales()) {
      throw new DomainException(Kind.FORBIDDEN, "Настройки WhatsApp доступны РОП и администраторам");
    }
  }
}
