package ru.voronka.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import ru.voronka.chat.ChatViews.ChatSummary;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.DealService;
import ru.voronka.deals.NewDeal;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Group;
import ru.voronka.platform.audit.AuditRepository;
import ru.voronka.platform.web.DomainException;
import ru.voronka.support.WorkspaceTest;

/** Who sees which chat, read marks and deletion — on the demo's people, deals and chats. */
class ChatAccessTest extends WorkspaceTest {

  static final Viewer PETROV = Viewer.of("petrov", List.of(Group.MANAGERS.id()));
  static final Viewer SIDOROVA = Viewer.of("sidorova", List.of(Group.MANAGERS.id()));
  static final Viewer ROP = Viewer.of("smirnova", List.of(Group.HEAD_OF_SALES.id()));
  static final Viewer ENGINEER = Viewer.of("orlov", List.of(Group.ENGINEERS.id()));
  static final Viewer ADMIN = Viewer.of("demoadmin", List.of(Group.ADMINS.id()));

  @Autowired ChatReading reading;
  @Autowired ChatFinder finder;
  @Autowired CounterpartyChats counterpartyChats;
  @Autowired MessageDeletion deletion;
  @Autowired ReadState readState;
  @Autowired ChatPosting posting;
  @Autowired ChatReceiving receiving;
  @Autowired ChatAdministration administration;
  @Autowired DealRepository deals;
  @Autowired AuditRepository audit;
  @Autowired DealService dealService;
  @Autowired ChatRepository chatRepository;

  Deal deal(String title) {
    return deals.findAll().stream().filter(d -> d.getTitle().equals(title)).findFirst().orElseThrow();
  }

  List<Long> visibleIds(Viewer viewer) {
    return finder.myChats(viewer, null, false, Pageable.unpaged()).map(ChatSummary::id).getContent();
  }

  @Test
  void aManagerNeverSeesTheClientChatOfADealRoutedToSomeoneElse() {
    Long pumpsChat = finder.dealChat(deal("Насосная станция для ТЭЦ").getId(), ChatKind.DEAL_CLIENT, SIDOROVA);

    assertThat(visibleIds(SIDOROVA)).contains(pumpsChat);
    assertThat(visibleIds(PETROV)).doesNotContain(pumpsChat);
    assertThat(visibleIds(ROP)).contains(pumpsChat);
    assertThatThrownBy(() -> reading.open(pumpsChat, PETROV, null))
        .isInstanceOf(DomainException.class).hasMessageContaining("не найден");
    assertThatThrownBy(() -> finder.dealChat(deal("Насосная станция для ТЭЦ").getId(), ChatKind.DEAL_CLIENT, PETROV))
        .isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> posting.post(pumpsChat, PETROV, "чужой клиент", List.of()))
        .isInstanceOf(DomainException.class);
    assertThat(counterpartyChats.feed(deal("Насосная станция для ТЭЦ").getCounterparty().getId(), PETROV, 50)).isEmpty();
    assertThat(counterpartyChats.feed(deal("Насосная станция для ТЭЦ").getCounterparty().getId(), SIDOROVA, 50))
        .extracting(ChatViews.MessageView::body).anyMatch(b -> b.contains("Пропущенный звонок"));
  }

  @Test
  void groupChatsFollowTheirAccessRulesAndPersonalChatsTheirPair() {
    Long sales = administration.groups().stream().filter(g -> g.title().equals("Отдел продаж")).findFirst().orElseThrow().id();
    Long everyone = administration.groups().stream().filter(g -> g.title().equals("Вся компания")).findFirst().orElseThrow().id();

    assertThat(visibleIds(PETROV)).contains(sales, everyone);
    assertThat(visibleIds(ENGINEER)).contains(everyone).doesNotContain(sales);
    assertThat(reading.audience(sales, PETROV)).contains("Петров Алексей", "Смирнова Елена").doesNotContain("Орлов Павел");

    Long personal = finder.personalChatWith(ROP, "petrov");
    assertThat(finder.personalChatWith(PETROV, "smirnova")).isEqualTo(personal);
    assertThat(visibleIds(PETROV)).contains(personal);
    assertThat(visibleIds(SIDOROVA)).doesNotContain(personal);
    assertThat(reading.open(personal, PETROV, null).chat().title()).isEqualTo("Смирнова Елена");
  }

  @Test
  void unreadUntilReadAndEveryReaderTicked() {
    Long chat = finder.personalChatWith(SIDOROVA, "kuznetsov");
    Viewer kuznetsov = Viewer.of("kuznetsov", List.of(Group.MANAGERS.id()));
    long before = readState.unreadTotal(kuznetsov);
    var sent = posting.post(chat, SIDOROVA, "Дмитрий, подмени меня завтра на встрече?", List.of());

    assertThat(readState.unreadTotal(kuznetsov)).isEqualTo(before + 1);
    assertThat(reading.open(chat, kuznetsov, null).messages()).last().matches(m -> m.unread() && !m.fromUs());
    assertThat(readState.readers(sent.id(), SIDOROVA)).containsExactly(new ChatViews.Reader("Кузнецов Дмитрий", false));

    readState.markRead(chat, kuznetsov, sent.id());

    assertThat(readState.unreadTotal(kuznetsov)).isEqualTo(before);
    assertThat(readState.readers(sent.id(), SIDOROVA)).containsExactly(new ChatViews.Reader("Кузнецов Дмитрий", true));
    assertThat(reading.open(chat, SIDOROVA, null).messages()).last().matches(m -> m.fromUs() && !m.unread());
  }

  @Test
  void onlyAnAdministratorDeletesAndTheDeletionIsAudited() {
    Long chat = finder.dealChat(deal("Узел учёта тепла").getId(), ChatKind.DEAL_CLIENT, PETROV);
    var message = posting.post(chat, PETROV, "Удалите меня", List.of());

    assertThatThrownBy(() -> deletion.delete(message.id(), PETROV))
        .isInstanceOf(DomainException.class).hasMessage("Удалять переписку может только администратор");
    assertThatThrownBy(() -> deletion.delete(message.id(), ROP)).isInstanceOf(DomainException.class);

    deletion.delete(message.id(), ADMIN);

    var shown = reading.open(chat, PETROV, null).messages().stream().filter(m -> m.id().equals(message.id())).findFirst().orElseThrow();
    assertThat(shown.deleted()).isTrue();
    assertThat(shown.body()).isNull();
    assertThat(audit.findBySubject("chat_message", String.valueOf(message.id())))
        .singleElement().satisfies(a -> {
          assertThat(a.getActor()).isEqualTo("demoadmin");
          assertThat(a.getDetails()).contains("Удалите меня");
        });
  }

  @Test
  void newClientMessagesAreThoseTheResponsibleHasNotRead() {
    Deal valves = deal("Поставка обратных клапанов");
    assertThat(counterpartyChats.dealsWithNewClientMessages(List.of(valves.getId()))).containsExactly(valves.getId());
    assertThat(counterpartyChats.newClientMessages(ROP, Pageable.unpaged()).getContent())
        .anyMatch(r -> r.dealId().equals(valves.getId()) && r.responsible().equals("Петров Алексей"));
    assertThat(counterpartyChats.newClientMessages(SIDOROVA, Pageable.unpaged()).getContent()).noneMatch(r -> r.dealId().equals(valves.getId()));

    Long chat = finder.dealChat(valves.getId(), ChatKind.DEAL_CLIENT, ROP);
    readState.markRead(chat, ROP, Long.MAX_VALUE); // the РОП reading does not answer for the manager
    assertThat(counterpartyChats.dealsWithNewClientMessages(List.of(valves.getId()))).containsExactly(valves.getId());

    readState.markRead(chat, PETROV, Long.MAX_VALUE);
    assertThat(counterpartyChats.dealsWithNewClientMessages(List.of(valves.getId()))).isEmpty();
    receiving.receiveFromClient(valves.getId(), "Павлова Ирина", Channel.WHATSAPP, "И ещё вопрос по срокам", List.of(), "wamid.test-1");
    assertThat(counterpartyChats.dealsWithNewClientMessages(List.of(valves.getId()))).containsExactly(valves.getId());
  }

  @Test
  void aLeadOpensEveryDealsChatsWithoutThemFillingTheirInbox() {
    Deal pumps = deal("Насосная станция для ТЭЦ");
    Long chat = finder.dealChat(pumps.getId(), ChatKind.DEAL_CLIENT, SIDOROVA);
    long ropUnread = readState.unreadTotal(ROP);
    long managerUnread = readState.unreadTotal(SIDOROVA);

    receiving.receiveFromClient(pumps.getId(), "Ахметов Ерлан", Channel.WHATSAPP, "Ждём проект договора", List.of(), null);

    assertThat(readState.unreadTotal(SIDOROVA)).isEqualTo(managerUnread + 1);
    assertThat(readState.unreadTotal(ROP)).isEqualTo(ropUnread);
    assertThat(finder.myChats(ROP, null, true, Pageable.unpaged()).map(ChatSummary::id).getContent()).doesNotContain(chat);
    assertThat(finder.myChats(SIDOROVA, null, true, Pageable.unpaged()).map(ChatSummary::id).getContent()).contains(chat);
    assertThat(reading.open(chat, ROP, null).messages()).last().matches(m -> m.body().equals("Ждём проект договора"));
  }

  @Test
  void aNewDealComesWithItsClientAndInternalChats() {
    Deal deal = dealService.create(new NewDeal("Новая сделка с чатами", null,
        new NewDeal.NewClient("ООО «Чаты»", null, null, "Клиентов Пётр", "+7 916 555-00-11", null),
        new BigDecimal("10000"), null, null, null, null), ROP);

    assertThat(chatRepository.findByDeal(deal.getId(), ChatKind.DEAL_CLIENT)).isPresent();
    assertThat(chatRepository.findByDeal(deal.getId(), ChatKind.DEAL_INTERNAL)).isPresent();
  }
}
