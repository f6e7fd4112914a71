package ru.voronka.documents;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.chat.ChatFinder;
import ru.voronka.chat.ChatKind;
import ru.voronka.chat.ChatPosting;
import ru.voronka.chat.Upload;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealHistory;
import ru.voronka.deals.DealService;
import ru.voronka.deals.HistoryKind;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Contact;
import ru.voronka.notifications.MailAttachment;
import ru.voronka.notifications.MailNotSentException;
import ru.voronka.notifications.Notifier;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * A document to the client: into the deal's client chat — through the chat's one outbox, stored first
 * and sent by its job — and by e-mail with the PDF attached. The messaging port carries text only
 * (no provider adapter sends files yet), so the chat message carries the signed link to the PDF and
 * keeps the file itself as its attachment; every sending is written into the deal's history.
 */
@Service
@Transactional
public class DocumentSending {

  public enum Channel { CHAT, EMAIL }

  private final DealService deals;
  private final DocumentRegistry registry;
  private final ChatFinder chats;
  private final ChatPosting posting;
  private final Notifier notifier;
  private final DealHistory history;
  private final PublicDocumentLinks links;

  DocumentSending(DealService deals, DocumentRegistry registry, ChatFinder chats, ChatPosting posting, Notifier notifier,
      DealHistory history, PublicDocumentLinks links) {
    this.deals = deals;
    this.registry = registry;
    this.chats = chats;
    this.posting = posting;
    this.notifier = notifier;
    this.history = history;
    this.links = links;
  }

  /** @return to whom it went, for the user to read */
  public String send(Long versionId, Channel channel, String email, Viewer viewer) {
    DocumentVersionView version = registry.version(versionId)
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Документ №" + versionId + " не найден"));
    Deal deal = deals.get(version.dealId(), viewer);
    if (!viewer.mayManage(deal)) {
      throw new DomainException(Kind.FORBIDDEN, "Отправлять документы клиенту может ответственный по сделке или РОП");
    }
    StoredFile file = registry.file(versionId).orElseThrow();
    String title = version.type().title() + " № " + version.number() + " от " + RussianFormats.date(version.date());
    String recipient;
    if (channel == Channel.CHAT) {
      Long chatId = chats.dealChat(deal.getId(), ChatKind.DEAL_CLIENT, viewer);
      posting.post(chatId, viewer, "Направляем документ «" + title + "»: " + links.link(versionId),
          List.of(new Upload(file.fileName(), file.contentType(), file.content())));
      recipient = "чат «Клиент WhatsApp»";
    } else {
      recipient = email != null && !email.isBlank() ? email.strip() : clientEmail(deal);
      if (!recipient.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
        throw new DomainException(Kind.INVALID, "Адрес e-mail «" + recipient + "» не похож на адрес");
      }
      try {
        notifier.emailTo(List.of(recipient), title, "Здравствуйте!\n\nНаправляем документ «" + title + "» по сделке «"
                + deal.getTitle() + "» — файл во вложении.\nСкачать: " + links.link(versionId) + "\n\n—\n" + signature(deal),
            List.of(new MailAttachment(file.fileName(), file.contentType(), file.content())));
      } catch (MailNotSentException e) {
        throw new DomainException(Kind.CONFLICT, "Письмо не отправлено: " + e.getMessage());
      }
    }
    registry.recordSending(versionId, channel.name(), recipient, viewer.userId());
    history.record(deal.getId(), viewer.userId(), HistoryKind.DOCUMENT, "Документ «" + title + "» (версия " + version.version()
        + ") отправлен клиенту: " + (channel == Channel.CHAT ? recipient : "e-mail " + recipient));
    return recipient;
  }

  private static String clientEmail(Deal deal) {
    if (deal.getCounterparty() == null) {
      throw new DomainException(Kind.INVALID, "У сделки нет клиента: укажите e-mail");
    }
    return deal.getCounterparty().mainContact().map(Contact::getEmails).filter(e -> !e.isEmpty()).map(e -> e.get(0))
        .or(() -> deal.getCounterparty().getContacts().stream().flatMap(c -> c.getEmails().stream()).findFirst())
        .orElseThrow(() -> new DomainException(Kind.INVALID,
            "У контактов клиента нет e-mail: укажите адрес, на который отправить документ"));
  }

  private static String signature(Deal deal) {
    return deal.getResponsible() == null ? "Отдел продаж" : deal.getResponsible().getFullName() + ", отдел продаж";
  }
}
