package ru.voronka.documents;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealHistory;
import ru.voronka.deals.DealLinks;
import ru.voronka.deals.DealNotFoundException;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.HistoryKind;
import ru.voronka.directory.Group;
import ru.voronka.notifications.MailAttachment;
import ru.voronka.notifications.Notifier;
import ru.voronka.platform.CurrentActor;
import ru.voronka.platform.RussianFormats;

/**
 * FUN-8, DOC-2: the signed act and УПД go to the accountants as attachments, byte for byte as the
 * client's scans were uploaded. A mail that cannot leave throws, so the process's job is retried and
 * then becomes an incident.
 */
@Service
@Transactional
public class AccountantMail {

  private final DealRepository deals;
  private final DocumentRegistry registry;
  private final Notifier notifier;
  private final DealHistory history;
  private final DealLinks links;

  AccountantMail(DealRepository deals, DocumentRegistry registry, Notifier notifier, DealHistory history, DealLinks links) {
    this.deals = deals;
    this.registry = registry;
    this.notifier = notifier;
    this.history = history;
    this.links = links;
  }

  /** @param numbers what the manager typed as the documents' numbers, if anything */
  public void sendSigned(Long dealId, List<String> numbers) {
    Deal deal = deals.findById(dealId).orElseThrow(() -> new DealNotFoundException(dealId));
    List<MailAttachment> files = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (DocumentType type : List.of(DocumentType.ACT, DocumentType.UPD)) {
      var signed = registry.latest(dealId, type, DocumentStatus.SIGNED);
      if (signed.isPresent()) {
        StoredFile file = registry.file(signed.get().id()).orElseThrow();
        files.add(new MailAttachment(file.fileName(), file.contentType(), file.content()));
        lines.add(type.title() + " № " + signed.get().number() + " от " + RussianFormats.date(signed.get().date())
            + " — скан во вложении (" + file.fileName() + ", SHA-256 " + signed.get().sha256() + ")");
      } else {
        lines.add(type.title() + " — скан не загружен, оригинал у менеджера");
      }
    }
    numbers.stream().filter(n -> n != null && !n.isBlank()).forEach(n -> lines.add("Номер, указанный менеджером: " + n));
    String client = deal.getCounterparty() == null ? "—" : deal.getCounterparty().getName();
    String body = "Клиент подписал документы по сделке №" + dealId + " «" + deal.getTitle() + "» (клиент: " + client + "):\n"
        + String.join("\n", lines.stream().map(d -> "• " + d).toList()) + "\n\nСделка: " + links.deal(dealId);
    notifier.emailGroup(Group.ACCOUNTANTS, "Подписанные документы по сделке №" + dealId, body, files);
    history.recordOutcome(dealId, CurrentActor.SYSTEM, HistoryKind.DOCUMENT,
        "Подписанные документы отправлены бухгалтеру" + (files.isEmpty() ? " (без сканов)" : ", вложений: " + files.size()), true);
  }
}
