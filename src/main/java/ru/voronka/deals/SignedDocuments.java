package ru.voronka.deals;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.directory.Group;
import ru.voronka.notifications.Notifier;
import ru.voronka.platform.CurrentActor;

/** FUN-8, DOC-2: once the client has signed the act and the УПД, the accountants get them by e-mail. */
@Service
@Transactional
public class SignedDocuments {

  private final DealRepository deals;
  private final DealHistory history;
  private final Notifier notifier;
  private final DealLinks links;

  SignedDocuments(DealRepository deals, DealHistory history, Notifier notifier, DealLinks links) {
    this.deals = deals;
    this.history = history;
    this.notifier = notifier;
    this.links = links;
  }

  public void emailToAccountants(Long dealId, List<String> documents) {
    Deal deal = deals.findById(dealId).orElseThrow(() -> new DealNotFoundException(dealId));
    String client = deal.getCounterparty() == null ? "—" : deal.getCounterparty().getName();
    String body = "Клиент подписал документы по сделке №" + dealId + " «" + deal.getTitle() + "» (клиент: " + client + "):\n"
        + String.join("\n", documents.stream().map(d -> "• " + d).toList()) + "\n\nСделка: " + links.deal(dealId);
    notifier.emailGroup(Group.ACCOUNTANTS, "Подписанные документы по сделке №" + dealId, body, List.of());
    history.recordOutcome(dealId, CurrentActor.SYSTEM, HistoryKind.DOCUMENT,
        "Подписанные документы отправлены бухгалтеру: " + String.join(", ", documents), true);
  }
}
