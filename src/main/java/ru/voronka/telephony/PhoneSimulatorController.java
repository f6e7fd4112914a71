package ru.voronka.telephony;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import ru.voronka.directory.Directory;
import ru.voronka.directory.Group;
import ru.voronka.directory.PhoneNumbers;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * The demo's softphone (issue item 8): a newcomer calls the company as a client (or as a stranger),
 * and plays the desk phones — pick up, pass the call on, hang up. Every step goes through the same
 * journal the AMI adapter feeds, so the manager's card pops in their browser as with Asterisk.
 */
@Controller
@ConditionalOnProperty(name = "voronka.telephony.pbx", havingValue = "simulator", matchIfMissing = true)
class PhoneSimulatorController {

  private final SimulatedPbx pbx;
  private final DealRepository deals;
  private final Directory directory;

  PhoneSimulatorController(SimulatedPbx pbx, DealRepository deals, Directory directory) {
    this.pbx = pbx;
    this.deals = deals;
    this.directory = directory;
  }

  public record Client(String phone, String label) {}

  public record LineView(String key, String direction, String number, String ringing, String next, boolean answered, String since) {}

  public record Desk(String extension, String name) {}

  @GetMapping("/simulator/phone")
  @Transactional(readOnly = true)
  String page(Model model) {
    Map<String, Client> clients = new LinkedHashMap<>();
    for (Deal deal : deals.findAll()) {
      if (deal.getCounterparty() != null && deal.isOpen()) {
        for (Contact contact : deal.getCounterparty().getContacts()) {
          contact.getPhones().forEach(number -> clients.putIfAbsent(number, new Client(number,
              contact.getFullName() + ", " + deal.getCounterparty().getName())));
        }
      }
    }
    List<LineView> lines = new ArrayList<>();
    for (SimulatedPbx.Line line : pbx.lines()) {
      CallRouting.Target now = line.ringing();
      CallRouting.Target next = line.at() + 1 < line.targets().size() ? line.targets().get(line.at() + 1) : null;
      lines.add(new LineView(line.key(), line.direction().name().equals("INCOMING") ? "Входящий" : "Исходящий",
          line.clientNumber(), now == null ? "—" : now.label(),
          next == null ? "никого — звонок закончится" : next.label(),
          line.answered(), RussianFormats.dateTime(line.since())));
    }
    model.addAttribute("clients", new ArrayList<>(clients.values()));
    model.addAttribute("lines", lines);
    model.addAttribute("desks", directory.members(Group.MANAGERS).stream().filter(e -> e.getExtension() != null)
        .map(e -> new Desk(e.getExtension(), e.getFullName())).toList());
    return "demo/phone-simulator";
  }

  @PostMapping("/simulator/phone/call")
  String call(@RequestParam(required = false) String phone, RedirectAttributes redirect) {
    String number = PhoneNumbers.e164(phone);
    if (number == null) {
      throw new DomainException(Kind.INVALID, "Укажите номер, с которого звоните, например +7 916 123-45-67");
    }
    pbx.call(number);
    redirect.addFlashAttribute("outcome", "Звонок с " + number + " пошёл по маршруту: у менеджера открылась карточка звонка.");
    return "redirect:/simulator/phone";
  }

  @PostMapping("/simulator/phone/{action}")
  String act(@org.springframework.web.bind.annotation.PathVariable String action, @RequestParam String key) {
    switch (action) {
      case "answer" -> pbx.answer(key);
      case "next" -> pbx.next(key);
      case "hangup" -> pbx.hangUp(key);
      default -> throw new DomainException(Kind.NOT_FOUND, "Нет такого действия: " + action);
    }
    return "redirect:/simulator/phone";
  }
}
