package ru.voronka.deals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.voronka.deals.ClientAccess;
import ru.voronka.deals.ClientCards;
import ru.voronka.deals.Viewers;
import ru.voronka.directory.Contact;
import ru.voronka.directory.Counterparties.ContactCard;
import ru.voronka.directory.Counterparties.Duplicate;
import ru.voronka.directory.Counterparties.Requisites;
import ru.voronka.directory.Counterparty;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;
import ru.voronka.platform.web.PageView;

/**
 * Counterparties with their contacts, as far as the caller may see them ({@link ClientAccess}) and
 * change them ({@link ClientCards}). A card that repeats a known ИНН, phone or e-mail is refused with
 * 409 naming the existing card.
 */
@Tag(name = "Контрагенты", description = "Клиенты с контактами: менеджер видит своих, РОП — всех")
@RestController
@Transactional // one request, one transaction: a refusal leaves nothing behind
class CounterpartyController {

  private final ClientAccess clients;
  private final ClientCards cards;

  CounterpartyController(ClientAccess clients, ClientCards cards) {
    this.clients = clients;
    this.cards = cards;
  }

  record ContactView(Long id, String fullName, String jobTitle, boolean main, List<String> phones, List<String> emails) {
    static ContactView of(Contact k) {
      return new ContactView(k.getId(), k.getFullName(), k.getJobTitle(), k.isMain(), k.getPhones(), k.getEmails());
    }
  }

  record CounterpartyView(Long id, String name, String inn, String kpp, String ogrn, String region, String address, String responsible,
      List<ContactView> contacts) {
    static CounterpartyView of(Counterparty c) {
      return new CounterpartyView(c.getId(), c.getName(), c.getInn(), c.getKpp(), c.getOgrn(), c.getRegion(), c.getAddress(),
          c.getResponsible() == null ? null : c.getResponsible().getUserId(),
          c.getContacts().stream().map(ContactView::of).toList());
    }
  }

  /** A new card: the company's requisites and, optionally, its first contact. */
  record NewCounterparty(String name, String inn, String kpp, String ogrn, String region, String address, ContactCard contact,
      String responsible) {}

  record Responsible(String userId) {}

  record MainContact(Long contactId) {}

  @Operation(summary = "Контрагенты: поиск по названию, ИНН, имени контакта, телефону (в любом написании) или e-mail, постранично")
  @GetMapping("/api/counterparties")
  @Transactional(readOnly = true)
  PageView<CounterpartyView> counterparties(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size, Authentication auth) {
    return PageView.of(clients.search(q, Viewers.of(auth), PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200))),
        CounterpartyView::of);
  }

  @Operation(summary = "Есть ли уже такой клиент: карточки с тем же ИНН (и КПП), телефоном или e-mail")
  @GetMapping("/api/counterparties/duplicates")
  @Transactional(readOnly = true)
  List<Duplicate> duplicates(@RequestParam(required = false) String inn, @RequestParam(required = false) String kpp,
      @RequestParam(required = false) List<String> phone, @RequestParam(required = false) List<String> email, Authentication auth) {
    return cards.duplicates(inn, kpp, phone, email, Viewers.of(auth));
  }

  @Operation(summary = "Новый контрагент с первым контактом; ИНН и ОГРН проверяются по контрольному числу, КПП — по формату",
      description = "Дубль (тот же ИНН и КПП, телефон или e-mail) — 409 с номером существующей карточки. Карточка менеджера — его; "
          + "ответственного (responsible) назначает только РОП.")
  @PostMapping("/api/counterparties")
  ResponseEntity<CounterpartyView> create(@RequestBody NewCounterparty request, Authentication auth) {
    if (request == null) {
      throw new DomainException(Kind.INVALID, "Укажите название контрагента");
    }
    Counterparty created = cards.create(new Requisites(request.name(), request.inn(), request.kpp(), request.ogrn(), request.region(),
        request.address()), request.contact(), request.responsible(), Viewers.of(auth));
    return ResponseEntity.created(URI.create("/api/counterparties/" + created.getId())).body(CounterpartyView.of(created));
  }

  @Operation(summary = "Карточка контрагента с контактами")
  @GetMapping("/api/counterparties/{id}")
  @Transactional(readOnly = true)
  CounterpartyView counterparty(@PathVariable Long id, Authentication auth) {
    // Not «forbidden»: a manager does not learn of clients they have nothing to do with.
    return CounterpartyView.of(cards.visible(id, Viewers.of(auth)));
  }

  @Operation(summary = "Изменить реквизиты контрагента (название, ИНН, КПП, ОГРН, регион, адрес)")
  @PutMapping("/api/counterparties/{id}")
  CounterpartyView edit(@PathVariable Long id, @RequestBody Requisites request, Authentication auth) {
    return CounterpartyView.of(cards.edit(id, request, Viewers.of(auth)));
  }

  @Operation(summary = "Назначить ответственного по клиенту (только РОП): ему приходят сообщения клиента (WA-1)")
  @PutMapping("/api/counterparties/{id}/responsible")
  CounterpartyView responsible(@PathVariable Long id, @RequestBody Responsible request, Authentication auth) {
    return CounterpartyView.of(cards.assignResponsible(id, request == null ? null : request.userId(), Viewers.of(auth)));
  }

  @Operation(summary = "Выбрать основной контакт: на его номер пишут и звонят первым")
  @PutMapping("/api/counterparties/{id}/main-contact")
  CounterpartyView mainContact(@PathVariable Long id, @RequestBody MainContact request, Authentication auth) {
    if (request == null || request.contactId() == null) {
      throw new DomainException(Kind.INVALID, "Укажите contactId основного контакта");
    }
    return CounterpartyView.of(cards.chooseMainContact(id, request.contactId(), Viewers.of(auth)));
  }

  @Operation(summary = "Контакты контрагента")
  @GetMapping("/api/counterparties/{id}/contacts")
  @Transactional(readOnly = true)
  List<ContactView> contacts(@PathVariable Long id, Authentication auth) {
    return cards.visible(id, Viewers.of(auth)).getContacts().stream().map(ContactView::of).toList();
  }

  @Operation(summary = "Добавить контакт: имя, должность, телефоны (в любом написании, хранятся в E.164), e-mail; main — основной")
  @PostMapping("/api/counterparties/{id}/contacts")
  ResponseEntity<ContactView> addContact(@PathVariable Long id, @RequestBody ContactCard request, Authentication auth) {
    Contact contact = cards.addContact(id, request, Viewers.of(auth));
    return ResponseEntity.created(URI.create("/api/counterparties/" + id + "/contacts/" + contact.getId())).body(ContactView.of(contact));
  }

  @Operation(summary = "Изменить контакт: телефоны и e-mail заменяются переданными")
  @PutMapping("/api/counterparties/{id}/contacts/{contactId}")
  ContactView editContact(@PathVariable Long id, @PathVariable Long contactId, @RequestBody ContactCard request, Authentication auth) {
    return ContactView.of(cards.editContact(id, contactId, request, Viewers.of(auth)));
  }
}
