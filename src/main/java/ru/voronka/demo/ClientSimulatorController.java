package ru.voronka.demo;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.voronka.chat.Channel;
import ru.voronka.chat.Chats;
import ru.voronka.chat.Direction;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealRepository;
import ru.voronka.directory.Contact;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * The demo's stand-in for a client: write into a deal's client chat as its client, or miss a call,
 * and watch the manager's pop-up. The WhatsApp issue replaces it with a simulator behind the real
 * provider port.
 */
@Controller
@ConditionalOnProperty(name = "voronka.demo.enabled", havingValue = "true")
@Transactional // the demo's only controller with work of its own: it reads the deal's contacts
class ClientSimulatorController {

  private final DealRepository deals;
  private final Chats chats;

  ClientSimulatorController(DealRepository deals, Chats chats) {
    this.deals = deals;
    this.chats = chats;
  }

  public record DealOption(Long id, String title, String client) {}

  @GetMapping("/simulator/client")
  String page(Model model) {
    List<DealOption> options = deals.findAll(Sort.by("id")).stream()
        .filter(Deal::isOpen)
        .map(d -> new DealOption(d.getId(), d.getTitle(), clientName(d)))
        .toList();
    model.addAttribute("deals", options);
    return "demo/client-simulator";
  }

  @PostMapping("/simulator/client")
  String write(@RequestParam Long dealId, @RequestParam(required = false) String text,
      @RequestParam(defaultValue = "false") boolean missedCall, RedirectAttributes redirect) {
    Deal deal = deals.findById(dealId).orElseThrow(() -> new DomainException(Kind.INVALID, "Сделка №" + dealId + " не найдена"));
    String phone = deal.getCounterparty() == null ? "+70000000000" : deal.getCounterparty().getContacts().stream()
        .flatMap(c -> c.getPhones().stream()).findFirst().orElse("+70000000000");
    if (missedCall) {
      chats.recordCall(dealId, Direction.INCOMING, true, phone);
      redirect.addFlashAttribute("sent", "Пропущенный звонок с " + phone + " записан в чат сделки №" + dealId);
    } else {
      if (text == null || text.isBlank()) {
        throw new DomainException(Kind.INVALID, "Напишите текст сообщения клиента");
      }
      chats.receiveFromClient(dealId, clientName(deal), Channel.WHATSAPP, text.strip(), List.of(), null);
      redirect.addFlashAttribute("sent", "Сообщение отправлено от имени клиента в сделку №" + dealId);
    }
    return "redirect:/simulator/client";
  }

  private static String clientName(Deal deal) {
    if (deal.getCounterparty() == null) {
      return "Клиент";
    }
    return deal.getCounterparty().mainContact().map(Contact::getFullName).orElse(deal.getCounterparty().getName());
  }
}
