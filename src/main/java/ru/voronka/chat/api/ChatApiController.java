package ru.voronka.chat.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.voronka.chat.ChatFinder;
import ru.voronka.chat.ChatKind;
import ru.voronka.chat.ChatPosting;
import ru.voronka.chat.ChatReading;
import ru.voronka.chat.ChatViews.ChatPage;
import ru.voronka.chat.ChatViews.ChatSummary;
import ru.voronka.chat.ChatViews.MessageView;
import ru.voronka.chat.ChatViews.NewClientMessages;
import ru.voronka.chat.CounterpartyChats;
import ru.voronka.chat.ReadState;
import ru.voronka.deals.Viewers;
import ru.voronka.platform.web.PageView;

/** The communicator through the API (PLT-3, issue 15): the same chats, rules and outbox as the pages. */
@Tag(name = "Чаты", description = "Внутренние и клиентские чаты, сообщения, отметки о прочтении, SMS и звонок клиенту")
@RestController
@RequestMapping("/api/chats")
class ChatApiController {

  private static final int MAX_PAGE_SIZE = 200;

  private final ChatFinder finder;
  private final ChatReading reading;
  private final ChatPosting posting;
  private final ReadState readState;
  private final CounterpartyChats counterpartyChats;

  ChatApiController(ChatFinder finder, ChatReading reading, ChatPosting posting, ReadState readState,
      CounterpartyChats counterpartyChats) {
    this.finder = finder;
    this.reading = reading;
    this.posting = posting;
    this.readState = readState;
    this.counterpartyChats = counterpartyChats;
  }

  public record ChatRef(Long chatId) {}

  public record NewMessage(String text) {}

  public record NewSms(Long templateId, String text) {}

  public record Unread(long total, Map<Long, Long> byChat) {}

  @Operation(summary = "Мои чаты (все доступные, поиск по названию), с числом непрочитанных")
  @GetMapping
  PageView<ChatSummary> chats(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size, Authentication auth) {
    return PageView.of(finder.myChats(Viewers.of(auth), q, false, pageable(page, size)), c -> c);
  }

  @Operation(summary = "Непрочитанные: всего и по чатам из ids")
  @GetMapping("/unread")
  Unread unread(@RequestParam(name = "ids", required = false) List<Long> ids, Authentication auth) {
    var viewer = Viewers.of(auth);
    return new Unread(readState.unreadTotal(viewer), readState.unreadByChat(viewer, ids == null ? List.of() : ids));
  }

  @Operation(summary = "Новые сообщения клиентов (WA-5): сделки, чьи клиенты написали, а ответственный не прочитал")
  @GetMapping("/new-client-messages")
  PageView<NewClientMessages> newClientMessages(@RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size, Authentication auth) {
    return PageView.of(counterpartyChats.newClientMessages(Viewers.of(auth), pageable(page, size)), m -> m);
  }

  @Operation(summary = "Личный чат с коллегой (создаётся при необходимости)")
  @PostMapping("/with/{userId}")
  ChatRef personal(@PathVariable String userId, Authentication auth) {
    return new ChatRef(finder.personalChatWith(Viewers.of(auth), userId));
  }

  @Operation(summary = "Чат сделки: клиентский (DEAL_CLIENT, «Клиент WhatsApp») или внутренний (DEAL_INTERNAL, «ВС WhatsApp»)")
  @GetMapping("/deal/{dealId}")
  ChatRef dealChat(@PathVariable Long dealId, @RequestParam(defaultValue = "DEAL_CLIENT") ChatKind kind, Authentication auth) {
    return new ChatRef(finder.dealChat(dealId, kind, Viewers.of(auth)));
  }

  @Operation(summary = "Сообщения чата, последние сверху страницы; before — id, с которого листать назад")
  @GetMapping("/{id}/messages")
  ChatPage messages(@PathVariable Long id, @RequestParam(required = false) Long before, Authentication auth) {
    return reading.open(id, Viewers.of(auth), before);
  }

  @Operation(summary = "Сообщения новее after")
  @GetMapping("/{id}/messages/newer")
  List<MessageView> newer(@PathVariable Long id, @RequestParam(defaultValue = "0") long after, Authentication auth) {
    return reading.newer(id, Viewers.of(auth), after);
  }

  @Operation(summary = "Написать в чат; в клиентский — уходит клиенту через исходящую очередь")
  @PostMapping("/{id}/messages")
  @ResponseStatus(HttpStatus.CREATED)
  MessageView post(@PathVariable Long id, @RequestBody NewMessage message, Authentication auth) {
    return posting.post(id, Viewers.of(auth), message == null ? null : message.text(), List.of());
  }

  @Operation(summary = "Прочитано всё до сообщения upTo включительно")
  @PostMapping("/{id}/read")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void read(@PathVariable Long id, @RequestParam long upTo, Authentication auth) {
    readState.markRead(id, Viewers.of(auth), upTo);
  }

  @Operation(summary = "SMS клиенту из клиентского чата: по шаблону (templateId) или своим текстом")
  @PostMapping("/{id}/sms")
  @ResponseStatus(HttpStatus.CREATED)
  MessageView sms(@PathVariable Long id, @RequestBody NewSms sms, Authentication auth) {
    return posting.sendSms(id, Viewers.of(auth), sms == null ? null : sms.templateId(), sms == null ? null : sms.text());
  }

  @Operation(summary = "Позвонить клиенту чата: сначала звонит телефон сотрудника, затем клиента")
  @PostMapping("/{id}/call")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void call(@PathVariable Long id, Authentication auth) {
    posting.callClient(id, Viewers.of(auth));
  }

  private static PageRequest pageable(int page, int size) {
    return PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE));
  }
}
