package ru.voronka.deals;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.directory.Employee;
import ru.voronka.directory.PhoneNumbers;
import ru.voronka.messaging.ClientMessenger;
import ru.voronka.messaging.ClientMessenger.MessageNotSentException;
import ru.voronka.messaging.ClientMessenger.OutgoingMessage;
import ru.voronka.messaging.ClientMessenger.SentMessage;
import ru.voronka.platform.CurrentActor;

/**
 * The funnel's automatic messages to the client (FUN-2, FUN-9): rendered from a template, sent
 * through the messenger port, and logged in the deal's history as «Отправлено» or «Ошибка».
 */
@Service
@Transactional
public class ClientMessages {

  private final DealRepository deals;
  private final DealHistory history;
  private final ClientMessenger messenger;
  private final Configuration freemarker;

  ClientMessages(DealRepository deals, DealHistory history, ClientMessenger messenger, Configuration freemarker) {
    this.deals = deals;
    this.history = history;
    this.messenger = messenger;
    this.freemarker = freemarker;
  }

  /**
   * @return false when there is nobody to write to or the channel refused for good (a final
   *     outcome, in the history); a failing channel throws so that the job is retried
   */
  public boolean send(Long dealId, ClientMessageTemplate template) {
    Deal deal = deals.findById(dealId).orElseThrow(() -> new DealNotFoundException(dealId));
    String phone = clientPhone(deal);
    String text = render(template, deal);
    if (phone == null) {
      history.recordOutcome(dealId, CurrentActor.SYSTEM, HistoryKind.MESSAGE,
          template.title() + ": не отправлено — у клиента нет телефона", false);
      return false;
    }
    try {
      SentMessage sent = messenger.send(new OutgoingMessage(dealId, phone, text));
      history.recordOutcome(dealId, CurrentActor.SYSTEM, HistoryKind.MESSAGE,
          template.title() + " на " + PhoneNumbers.display(phone) + " (" + sent.channel() + "): «" + text + "»", true);
      return true;
    } catch (RuntimeException e) {
      history.recordFailure(dealId, CurrentActor.SYSTEM, HistoryKind.MESSAGE,
          template.title() + " на " + PhoneNumbers.display(phone) + ": ошибка — " + e.getMessage());
      if (e instanceof MessageNotSentException refused && !refused.isRetryable()) {
        return false; // no retry can help (a refused number, no provider): the funnel goes on
      }
      throw e;
    }
  }

  String render(ClientMessageTemplate template, Deal deal) {
    Map<String, Object> model = new HashMap<>();
    model.put("dealId", deal.getId());
    model.put("dealTitle", deal.getTitle());
    model.put("clientName", deal.getCounterparty() == null ? "" : deal.getCounterparty().getName());
    Employee manager = deal.getResponsible();
    Map<String, String> m = new HashMap<>();
    m.put("fullName", manager == null ? "будет назначен в ближайшее время" : manager.getFullName());
    m.put("position", manager == null ? "" : nullToEmpty(manager.getPositionName()));
    m.put("phone", manager == null ? "" : nullToEmpty(manager.getOfficePhone() != null
        ? manager.getOfficePhone() : PhoneNumbers.display(manager.getMobilePhone())));
    m.put("email", manager == null ? "" : nullToEmpty(manager.getEmail()));
    model.put("manager", m);
    try {
      StringWriter out = new StringWriter();
      freemarker.getTemplate(template.path()).process(model, out);
      return out.toString().trim();
    } catch (IOException | TemplateException e) {
      throw new IllegalStateException("Шаблон сообщения " + template.path() + " не обработан: " + e.getMessage(), e);
    }
  }

  private static String clientPhone(Deal deal) {
    return deal.getCounterparty() == null ? null : deal.getCounterparty().phoneToWrite().orElse(null);
  }


  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
