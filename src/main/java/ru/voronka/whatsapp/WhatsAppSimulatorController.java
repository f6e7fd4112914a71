package ru.voronka.whatsapp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealRepository;
import ru.voronka.directory.Contact;
import ru.voronka.directory.PhoneNumbers;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * The demo's client side of WhatsApp (issue item 9): a newcomer writes to the company number as a
 * client — or as a stranger — and the message goes through the same inbox a provider's webhook
 * feeds: routing, the automatic reply, the closed-deal notice. The page shows what the company
 * answered that number.
 */
@Controller
@ConditionalOnProperty(name = "voronka.whatsapp.provider", havingValue = "simulator")
class WhatsAppSimulatorController {

  private final SimulatedWhatsApp whatsapp;
  private final WhatsAppInbox inbox;
  private final DealRepository deals;
  private final GroupJoinLinks joinLinks;

  private final Clock clock;

  WhatsAppSimulatorController(SimulatedWhatsApp whatsapp, WhatsAppInbox inbox, DealRepository deals, GroupJoinLinks joinLinks, Clock clock) {
    this.clock = clock;
    this.joinLinks = joinLinks;
    this.whatsapp = whatsapp;
    this.inbox = inbox;
    this.deals = deals;
  }

  public record Client(String phone, String label) {}

  public record QrCode(long dealId, String label, String joinText) {}

  public record Line(boolean fromClient, String text, String at) {}

  @GetMapping("/simulator/whatsapp")
  @Transactional(readOnly = true)
  String page(@RequestParam(required = false) String phone, Model model) {
    Map<String, Client> clients = new LinkedHashMap<>();
    for (Deal deal : deals.findAll()) {
      if (deal.getCounterparty() == null) {
        continue;
      }
      for (Contact contact : deal.getCounterparty().getContacts()) {
        for (String number : contact.getPhones()) {
          clients.putIfAbsent(number, new Client(number, contact.getFullName() + ", "
              + deal.getCounterparty().getName() + ", сделка №" + deal.getId() + (deal.isOpen() ? "" : " (закрыта)")));
        }
      }
    }
    String current = PhoneNumbers.e164(phone);
    List<Line> lines = new ArrayList<>();
    if (current != null) {
      whatsapp.conversation(current).forEach(l -> lines.add(new Line(l.fromClient(), l.text(), RussianFormats.dateTime(l.at()))));
    }
    model.addAttribute("clients", new ArrayList<>(clients.values()));
    model.addAttribute("qrCodes", deals.findAll().stream().filter(Deal::isOpen)
        .map(d -> new QrCode(d.getId(), "№" + d.getId() + " «" + d.getTitle() + "»", joinLinks.joinText(d.getId()))).toList());
    model.addAttribute("phone", current == null ? "" : current);
    model.addAttribute("lines", lines);
    return "demo/whatsapp-simulator";
  }

  @PostMapping("/simulator/whatsapp")
  String write(@RequestParam(required = false) String phone, @RequestParam(required = false) String name,
      @RequestParam(required = false) String text, @RequestParam(defaultValue = "false") boolean missedCall,
      RedirectAttributes redirect) {
    String number = PhoneNumbers.e164(phone);
    if (number == null) {
      throw new DomainException(Kind.INVALID, "Укажите номер телефона клиента, например +7 916 123-45-67");
    }
    if (!missedCall && (text == null || text.isBlank())) {
      throw new DomainException(Kind.INVALID, "Напишите текст сообщения");
    }
    String body = missedCall ? "(пропущенный звонок)" : text.strip();
    whatsapp.clientWrote(number, body);
    var outcome = inbox.receive(new InboundMessage(SimulatedWhatsApp.PROVIDER + ":" + UUID.randomUUID(), number,
        name == null || name.isBlank() ? null : name.strip(), missedCall ? null : body, clock.instant(), missedCall));
    redirect.addFlashAttribute("outcome", switch (outcome) {
      case ROUTED -> "Сообщение попало в чат открытой сделки клиента — ответственный его видит.";
      case CLOSED_DEAL -> "Все сделки клиента закрыты: сообщение сохранено в чате последней, клиенту ушло уведомление.";
      case STRANGER -> "Номер не знаком Воронке: сообщение сохранено, автоответ — не чаще раза в день.";
      case DUPLICATE -> "Повтор: это сообщение уже было.";
      case JOIN_ACCEPTED -> "Номер уже допускали в группу этой сделки: принят сразу.";
      case JOIN_REQUESTED -> "Номер есть в карточке контрагента: ответственный получил задачу «Рассмотреть запрос на вступление в группу».";
      case JOIN_REFUSED -> "Код чужой или номера нет в карточке контрагента: вступление отклонено, ушёл автоответ.";
    });
    // "+" must be encoded: in a query it would read as a space.
    return "redirect:/simulator/whatsapp?phone=" + URLEncoder.encode(number, StandardCharsets.UTF_8);
  }
}
