package ru.voronka.workspace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.voronka.deals.ClientAccess;
import ru.voronka.deals.ClientCards;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.Viewers;
import ru.voronka.directory.Contact;
import ru.voronka.directory.Counterparties.ContactCard;
import ru.voronka.directory.Counterparties.Requisites;
import ru.voronka.directory.Counterparty;

/**
 * The client list (PLT-2) with its search — a name, an ИНН, a contact's name or e-mail, a phone in
 * any spelling — and the forms that make and change a card. {@link ClientCards} decides; a refusal
 * is shown in the form, a repeated client with a link to the card that exists.
 */
@Controller
@Transactional // one request, one transaction: a refused form leaves nothing behind
class ClientsController {

  static final int PAGE_SIZE = 25;

  private final ClientAccess access;
  private final ClientCards cards;

  ClientsController(ClientAccess access, ClientCards cards) {
    this.access = access;
    this.cards = cards;
  }

  public record Row(Long id, String name, String inn, String contact, String phone, String email, String responsible) {
    static Row of(Counterparty c) {
      Contact main = c.mainContact().orElse(null);
      return new Row(c.getId(), c.getName(), c.getInn(), main == null ? null : main.getFullName(), c.phoneToWrite().orElse(null),
          main == null || main.getEmails().isEmpty() ? null : main.getEmails().get(0),
          c.getResponsible() == null ? null : c.getResponsible().getFullName());
    }
  }

  @GetMapping("/counterparties")
  @Transactional(readOnly = true)
  String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Authentication auth, Model model) {
    String search = q == null ? "" : q.strip();
    Page<Row> found = access.search(search, Viewers.of(auth), PageRequest.of(Math.max(page, 0), PAGE_SIZE)).map(Row::of);
    model.addAttribute("clients", found);
    model.addAttribute("q", search);
    model.addAttribute("pageUrl", "/counterparties?" + (search.isEmpty() ? "" : "q=" + java.net.URLEncoder.encode(search,
        java.nio.charset.StandardCharsets.UTF_8) + "&"));
    return "workspace/counterparties";
  }

  @GetMapping("/counterparties/new")
  String form(@RequestParam(required = false) String name, @RequestParam(required = false) String phone,
      @RequestParam(required = false) String contactName, Model model) {
    model.addAttribute("prefill", new Prefill(name == null ? "" : name, phone == null ? "" : phone, contactName == null ? "" : contactName));
    return "workspace/counterparty-new";
  }

  public record Prefill(String name, String phone, String contactName) {}

  /** While the new card is typed: the known clients it would repeat, offered before anything is made. */
  @GetMapping("/counterparties/duplicates")
  @Transactional(readOnly = true)
  String duplicates(@RequestParam(required = false) String inn, @RequestParam(required = false) String kpp,
      @RequestParam(required = false) String phones, @RequestParam(required = false) String emails, Authentication auth, Model model) {
    // Only what is already a valid number is looked up: a half-typed ИНН is said wrong when the form is sent.
    String fullInn = inn == null ? null : inn.replaceAll("\\s", "");
    String fullKpp = kpp == null ? null : kpp.strip().toUpperCase(java.util.Locale.ROOT);
    Viewer viewer = Viewers.of(auth);
    boolean sales = viewer.leadsSales() || viewer.groups().contains(ru.voronka.directory.Group.MANAGERS);
    List<ru.voronka.directory.Counterparties.Duplicate> found = !sales ? List.of() : cards.duplicates(
        ru.voronka.directory.TaxIds.isInn(fullInn) ? fullInn : null, ru.voronka.directory.TaxIds.isKpp(fullKpp) ? fullKpp : null,
        FormValues.list(phones).stream().filter(p -> ru.voronka.directory.PhoneNumbers.e164(p) != null).toList(),
        FormValues.list(emails), viewer);
    model.addAttribute("duplicates", found);
    return found.isEmpty() ? "workspace/fragments/empty" : "workspace/fragments/duplicates";
  }

  @PostMapping("/counterparties")
  String create(@RequestParam(required = false) String name, @RequestParam(required = false) String inn,
      @RequestParam(required = false) String kpp, @RequestParam(required = false) String ogrn,
      @RequestParam(required = false) String region, @RequestParam(required = false) String address,
      @RequestParam(required = false) String contactName, @RequestParam(required = false) String jobTitle,
      @RequestParam(required = false) String phones, @RequestParam(required = false) String emails,
      HttpServletRequest request, HttpServletResponse response, Authentication auth) {
    Counterparty created = cards.create(new Requisites(name, inn, kpp, ogrn, region, address),
        new ContactCard(contactName, jobTitle, FormValues.list(phones), FormValues.list(emails), true), null, Viewers.of(auth));
    return FormValues.go("/counterparties/" + created.getId() + "?saved=created", request, response);
  }

  @PostMapping("/counterparties/{id}/edit")
  String edit(@PathVariable Long id, @RequestParam(required = false) String name, @RequestParam(required = false) String inn,
      @RequestParam(required = false) String kpp, @RequestParam(required = false) String ogrn,
      @RequestParam(required = false) String region, @RequestParam(required = false) String address,
      HttpServletRequest request, HttpServletResponse response, Authentication auth) {
    cards.edit(id, new Requisites(name, inn, kpp, ogrn, region, address), Viewers.of(auth));
    return FormValues.go("/counterparties/" + id + "?saved=requisites", request, response);
  }

  @PostMapping("/counterparties/{id}/responsible")
  String responsible(@PathVariable Long id, @RequestParam(required = false) String userId, HttpServletRequest request,
      HttpServletResponse response, Authentication auth) {
    cards.assignResponsible(id, userId, Viewers.of(auth));
    return FormValues.go("/counterparties/" + id + "?saved=responsible", request, response);
  }

  @PostMapping("/counterparties/{id}/contacts")
  String addContact(@PathVariable Long id, @RequestParam(required = false) String fullName,
      @RequestParam(required = false) String jobTitle, @RequestParam(required = false) String phones,
      @RequestParam(required = false) String emails, @RequestParam(defaultValue = "false") boolean main,
      HttpServletRequest request, HttpServletResponse response, Authentication auth) {
    cards.addContact(id, new ContactCard(fullName, jobTitle, FormValues.list(phones), FormValues.list(emails), main), Viewers.of(auth));
    return FormValues.go("/counterparties/" + id + "?saved=contact", request, response);
  }

  @PostMapping("/counterparties/{id}/contacts/{contactId}")
  String editContact(@PathVariable Long id, @PathVariable Long contactId, @RequestParam(required = false) String fullName,
      @RequestParam(required = false) String jobTitle, @RequestParam(required = false) String phones,
      @RequestParam(required = false) String emails, @RequestParam(defaultValue = "false") boolean main,
      HttpServletRequest request, HttpServletResponse response, Authentication auth) {
    cards.editContact(id, contactId, new ContactCard(fullName, jobTitle, FormValues.list(phones), FormValues.list(emails), main),
        Viewers.of(auth));
    return FormValues.go("/counterparties/" + id + "?saved=contact", request, response);
  }

  @PostMapping("/counterparties/{id}/contacts/{contactId}/main")
  String main(@PathVariable Long id, @PathVariable Long contactId, HttpServletRequest request, HttpServletResponse response,
      Authentication auth) {
    Viewer viewer = Viewers.of(auth);
    cards.chooseMainContact(id, contactId, viewer);
    return FormValues.go("/counterparties/" + id + "?saved=main", request, response);
  }

  static final List<String> SAVED = List.of("created", "requisites", "responsible", "contact", "main");
}
