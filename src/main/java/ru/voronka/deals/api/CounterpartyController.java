package ru.voronka.deals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.voronka.deals.ClientAccess;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.Viewers;
import ru.voronka.directory.Counterparty;
import ru.voronka.directory.Directory;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;
import ru.voronka.platform.web.PageView;

/** Counterparties with their contacts, as far as the caller may see them ({@link ClientAccess}). */
@Tag(name = "Контрагенты", description = "Клиенты с контактами: менеджер видит своих, РОП — всех")
@RestController
class CounterpartyController {

  private final Directory directory;
  private final ClientAccess clients;

  CounterpartyController(Directory directory, ClientAccess clients) {
    this.directory = directory;
    this.clients = clients;
  }

  record ContactView(Long id, String fullName, String jobTitle, boolean main, List<String> phones, List<String> emails) {}

  record CounterpartyView(Long id, String name, String inn, String region, String responsible, List<ContactView> contacts) {
    static CounterpartyView of(Counterparty c) {
      return new CounterpartyView(c.getId(), c.getName(), c.getInn(), c.getRegion(),
          c.getResponsible() == null ? null : c.getResponsible().getUserId(),
          c.getContacts().stream().map(k -> new ContactView(k.getId(), k.getFullName(), k.getJobTitle(), k.isMain(),
              k.getPhones(), k.getEmails())).toList());
    }
  }

  @Operation(summary = "Контрагенты: поиск по названию или ИНН, постранично")
  @GetMapping("/api/counterparties")
  @Transactional(readOnly = true)
  PageView<CounterpartyView> counterparties(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size, Authentication auth) {
    return PageView.of(clients.search(q, Viewers.of(auth), PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200))),
        CounterpartyView::of);
  }

  @Operation(summary = "Карточка контрагента с контактами")
  @GetMapping("/api/counterparties/{id}")
  @Transactional(readOnly = true)
  CounterpartyView counterparty(@PathVariable Long id, Authentication auth) {
    Viewer viewer = Viewers.of(auth);
    // Not «forbidden»: a manager does not learn of clients they have nothing to do with.
    return directory.counterparty(id).filter(c -> clients.maySee(c, viewer)).map(CounterpartyView::of)
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Контрагент №" + id + " не найден"));
  }
}
