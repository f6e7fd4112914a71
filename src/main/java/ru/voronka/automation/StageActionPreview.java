package ru.voronka.automation;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealNotFoundException;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.PhoneNumbers;
import ru.voronka.messaging.ClientMessenger;
import ru.voronka.messaging.ClientMessenger.MessageNotSentException;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * The settings form's «Предпросмотр» with a real deal, and «Отправить тестовое сообщение» to a number
 * the user types — the user's own phone, not a client's, so it goes straight to the provider and is
 * in no deal's chat.
 */
@Service
@Transactional(readOnly = true)
public class StageActionPreview {

  /** What the action would send for this deal: the text and to whom. */
  public record Preview(String text, List<String> recipients, List<String> files) {}

  private final DealRepository deals;
  private final MessageParameters parameters;
  private final ClientMessenger messenger;

  StageActionPreview(DealRepository deals, MessageParameters parameters, ClientMessenger messenger) {
    this.deals = deals;
    this.parameters = parameters;
    this.messenger = messenger;
  }

  public Preview preview(Viewer viewer, String text, Recipients recipients, Long dealId, List<String> files) {
    StageActions.requireLead(viewer);
    Deal deal = deals.findById(dealId).orElseThrow(() -> new DealNotFoundException(dealId));
    return new Preview(parameters.render(text, deal),
        StageActionRuns.recipients(deal, recipients == null ? Recipients.MAIN_CONTACT : recipients).stream()
            .map(PhoneNumbers::display).toList(), files == null ? List.of() : files);
  }

  /** @return the provider's channel it went through */
  public String sendTest(Viewer viewer, String text, Long dealId, String phone) {
    return sendTest(viewer, text, dealId, phone, null, null);
  }

  /** Through the service and channel the action names (null: the first connected service). */
  public String sendTest(Viewer viewer, String text, Long dealId, String phone, String service, String channel) {
    StageActions.requireLead(viewer);
    String to = PhoneNumbers.normalize(phone);
    if (to == null) {
      throw new DomainException(Kind.INVALID, "Введите номер телефона для тестового сообщения, например +7 999 123-45-67");
    }
    String body = dealId == null ? text : parameters.render(text, deals.findById(dealId).orElseThrow(() -> new DealNotFoundException(dealId)));
    if (body == null || body.isBlank()) {
      throw new DomainException(Kind.INVALID, "Введите текст сообщения");
    }
    try {
      return messenger.send(new ClientMessenger.OutgoingMessage(null, to, "[Тест] " + body.strip(),
          "stage-action-test-" + viewer.userId() + "-" + Integer.toHexString((to + body).hashCode()))
          .via(blankToNull(service), blankToNull(channel))).channel();
    } catch (MessageNotSentException e) {
      throw new DomainException(Kind.CONFLICT, "Тестовое сообщение не отправлено: " + e.getMessage());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
