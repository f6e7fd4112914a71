package ru.voronka.workspace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.voronka.deals.ClientCards;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealService;
import ru.voronka.deals.DealService.DealFields;
import ru.voronka.deals.NewDeal;
import ru.voronka.deals.Priority;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.Viewers;
import ru.voronka.directory.Counterparties.ContactCard;
import ru.voronka.directory.Counterparties.Requisites;
import ru.voronka.directory.Counterparty;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;
import ru.voronka.whatsapp.StrangerRequests;
import ru.voronka.whatsapp.StrangerRequests.Request;

/**
 * «Новая сделка» from the desktop, a client's card, a call card or a stranger's WhatsApp message,
 * and the edit of the fields a manager owns. A new client typed here gets a card first ({@link
 * ClientCards}: checked, no repeats); the deal then starts the «Продажа» funnel like any other
 * ({@link DealService#create}). A stranger's message is taken in by the deal made for their number.
 */
@Controller
@Transactional // the client's card and the deal are made together, or neither
class NewDealController {

  private final DealService deals;
  private final ClientCards cards;
  private final StrangerRequests strangers;

  NewDealController(DealService deals, ClientCards cards, StrangerRequests strangers) {
    this.deals = deals;
    this.cards = cards;
    this.strangers = strangers;
  }

  public record Prefill(String title, String name, String contactName, String phone) {}

  @GetMapping("/deals/new")
  String form(@RequestParam(required = false) Long counterpartyId, @RequestParam(required = false) String phone,
      @RequestParam(required = false) String name, @RequestParam(required = false) Long stranger, Authentication auth, Model model) {
    Viewer viewer = Viewers.of(auth);
    Counterparty client = counterpartyId == null ? null : cards.visible(counterpartyId, viewer);
    Request request = stranger == null ? null : strangers.find(stranger)
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Сообщение №" + stranger + " уже взято в сделку или не найдено"));
    Prefill prefill = request == null ? new Prefill("", name == null ? "" : name, "", phone == null ? "" : phone)
        : new Prefill(title(request), blank(request.senderName()), blank(request.senderName()), request.phone());
    model.addAttribute("client", client == null ? null : new ClientsController.Row(client.getId(), client.getName(), client.getInn(),
        null, null, null, null));
    model.addAttribute("request", request);
    model.addAttribute("prefill", prefill);
    model.addAttribute("priorities", Arrays.stream(Priority.values()).map(Enum::name).toList());
    return "workspace/deal-new";
  }

  @PostMapping("/deals/new")
  String create(@RequestParam(required = false) String title, @RequestParam(required = false) Long counterpartyId,
      @RequestParam(required = false) String name, @RequestParam(required = false) String inn,
      @RequestParam(required = false) String kpp, @RequestParam(required = false) String region,
      @RequestParam(required = false) String contactName, @RequestParam(required = false) String phones,
      @RequestParam(required = false) String emails, @RequestParam(required = false) String amount,
      @RequestParam(required = false) String margin, @RequestParam(required = false) String direction,
      @RequestParam(required = false) Priority priority, @RequestParam(required = false) String deliveryDate,
      HttpServletRequest request, HttpServletResponse response, Authentication auth) {
    Viewer viewer = Viewers.of(auth);
    if (title == null || title.isBlank()) {
      throw new DomainException(Kind.INVALID, "Укажите название сделки — что клиент хочет купить");
    }
    var amountValue = FormValues.money(amount, "Сумма");
    var marginValue = FormValues.money(margin, "Маржа");
    var date = FormValues.date(deliveryDate, "Срок поставки");
    Long clientId = counterpartyId;
    if (clientId == null) {
      clientId = cards.create(new Requisites(name, inn, kpp, null, region, null),
          new ContactCard(contactName, null, FormValues.list(phones), FormValues.list(emails), true), null, viewer).getId();
    }
    Deal deal = deals.create(new NewDeal(title, clientId, null, amountValue, marginValue, direction, priority, date), viewer);
    return FormValues.go("/deals/" + deal.getId(), request, response);
  }

  @PostMapping("/deals/{id}/fields")
  String edit(@PathVariable Long id, @RequestParam(required = false) String title, @RequestParam(required = false) String amount,
      @RequestParam(required = false) String margin, @RequestParam(required = false) String direction,
      @RequestParam(required = false) Priority priority, @RequestParam(required = false) String deliveryDate,
      HttpServletRequest request, HttpServletResponse response, Authentication auth) {
    deals.editFields(id, new DealFields(title, FormValues.money(amount, "Сумма"), FormValues.money(margin, "Маржа"), direction, priority,
        FormValues.date(deliveryDate, "Срок поставки")), Viewers.of(auth));
    return FormValues.go("/deals/" + id, request, response);
  }

  private static String title(Request request) {
    String body = request.body() == null ? "" : request.body().strip().replaceAll("\\s+", " ");
    return body.isEmpty() ? "Заявка из WhatsApp" : "Заявка из WhatsApp: " + (body.length() > 80 ? body.substring(0, 80) + "…" : body);
  }

  private static String blank(String value) {
    return value == null ? "" : value;
  }
}
