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

  @Autowired Chats chats;
  @Autowired ChatAdministration administration;
  @Autowired DealRepository deals;
  @Autowired AuditRepository audit;
  @Autowired DealService dealService;
  @Autowired ChatRepository chatRepository;

  Deal deal(String title) {
    return deals.findAll().stream().filter(d -> d.getTitle().equals(title)).findFirst().orElseThrow();
  }

  List<Long> visibleIds(Viewer viewer) {
    return chats.myChats(viewer, null, false, Pageable.unpaged()).map(ChatSummary::id).getContent();
  }

  @Test
  void aManagerNeverSeesTheClientChatOfADealRoutedToSomeoneElse() {
    Long pumpsChat = chats.dealChat(deal("Насосная станция для ТЭЦ").getId(), ChatKind.DEAL_CLIENT, SIDOROVA);

    assertThat(visibleIds(SIDOROVA)).contains(pumpsChat);
    assertThat(visibleIds(PETROV)).doesNotContain(pumpsChat);
    assertThat(visibleIds(ROP)).contains(pumpsChat);
    assertThatThrownBy(() -> chats.open(pumpsChat, PETROV, null))
        .isInstanceOf(DomainException.class).hasMessageContaining("не найден");
    assertThatThrownBy(() -> chats.dealChat(deal("Насосная станция для ТЭЦ").getId(), ChatKind.DEAL_CLIENT, PETROV))
        .isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> chats.post(pumpsChat, PETROV, "чужой клиент", List.of()))
        .isInstanceOf(DomainException.class);
    assertThat(chats.feed(deal("Насосная станция для ТЭЦ").getCounterparty().getId(), PETROV, 50)).isEmpty();
    assertThat(chats.feed(deal("Насосная станция для ТЭЦ").getCounterparty().getId(), SIDOROVA, 50))
        .extracting(ChatViews.MessageView::body).anyMatch(b -> b.contains("Пропущенный звонок"));
  }

  @Test
  void groupChatsFollowTheirAccessRulesAndPersonalChatsTheirPair() {
    Long sales = administration.groups().stream().filter(g -> g.title().equals("Отдел продаж")).findFirst().orElseThrow().id();
    Long everyone = administration.groups().stream().filter(g -> g.title().equals("Вся компания")).findFirst().orElseThrow().id();

    assertThat(visibleIds(PETROV)).contains(sales, everyone);
    assertThat(visibleIds(ENGINEER)).contains(everyone).doesNotContain(sales);
    assertThat(chats.audience(sales, PETROV)).contains("Петров Алексей", "Смирнова Елена").doesNotContain("Орлов Павел");

    Long personal = chats.personalChatWith(ROP, "petrov");
    assertThat(chats.personalChatWith(PETROV, "smirnova")).isEqualTo(personal);
    assertThat(visibleIds(PETROV)).contains(personal);
    assertThat(visibleIds(SIDOROVA)).doesNotContain(personal);
    assertThat(chats.open(personal, PETROV, null).chat().title()).isEqualTo("Смирнова Елена");
  }

  @Test
  void unreadUntilReadAndEveryReaderTicked() {
    Long chat = chats.personalChatWith(SIDOROVA, "kuznetsov");
    Viewer kuznetsov = Viewer.of("kuznetsov", List.of(Group.MANAGERS.id()));
    long before = chats.unreadTotal(kuznetsov);
    var sent = chats.post(chat, SIDOROVA, "Дмитрий, подмени меня завтра на встрече?", List.of());

    assertThat(chats.unreadTotal(kuznetsov)).isEqualTo(before + 1);
    assertThat(chats.open(chat, kuznetsov, null).messages()).last().matches(m -> m.unread() && !m.fromUs());
    assertThat(chats.readers(sent.id(), SIDOROVA)).containsExactly(new ChatViews.Reader("Кузнецов Дмитрий", false));

    chats.markRead(chat, kuznetsov, sent.id());

    assertThat(chats.unreadTotal(kuznetsov)).isEqualTo(before);
    assertThat(chats.readers(sent.id(), SIDOROVA)).containsExactly(new ChatViews.Reader("Кузнецов Дмитрий", true));
    assertThat(chats.open(chat, SIDOROVA, null).messages()).last().matches(m -> m.fromUs() && !m.unread());
  }

  @Test
  void onlyAnAdministratorDeletesAndTheDeletionIsAudited() {
    Long chat = chats.dealChat(deal("Узел учёта тепла").getId(), ChatKind.DEAL_CLIENT, PETROV);
    var message = chats.post(chat, PETROV, "Удалите меня", List.of());

    assertThatThrownBy(() -> chats.delete(message.id(), PETROV))
        .isInstanceOf(DomainException.class).hasMessage("Удалять переписку может только администратор");
    assertThatThrownBy(() -> chats.delete(message.id(), ROP)).isInstanceOf(DomainException.class);

    chats.delete(message.id(), ADMIN);

    var shown = chats.open(chat, PETROV, null).messages().stream().filter(m -> m.id().equals(message.id())).findFirst().orElseThrow();
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
    assertThat(chats.dealsWithNewClientMessages(List.of(valves.getId()))).containsExactly(valves.getId());
    assertThat(chats.newClientMessages(ROP, Pageable.unpaged()).getContent())
        .anyMatch(r -> r.dealId().equals(valves.getId()) && r.responsible().equals("Петров Алексей"));
    assertThat(chats.newClientMessages(SIDOROVA, Pageable.unpaged()).getContent()).noneMatch(r -> r.dealId().equals(valves.getId()));

    Long chat = chats.dealChat(valves.getId(), ChatKind.DEAL_CLIENT, ROP);
    chats.markRead(chat, ROP, Long.MAX_VALUE); // the РОП reading does not answer for the manager
    assertThat(chats.dealsWithNewClientMessages(List.of(valves.getId()))).containsExactly(valves.getId());

    chats.markRead(chat, PETROV, Long.MAX_VALUE);
    assertThat(chats.dealsWithNewClientMessages(List.of(valves.getId()))).isEmpty();
    chats.receiveFromClient(valves.getId(), "Павлова Ирина", Channel.WHATSAPP, "И ещё вопрос по срокам", List.of(), "wamid.test-1");
    assertThat(chats.dealsWithNewClientMessages(List.of(valves.getId()))).containsExactly(valves.getId());
  }

  @Test
  void aLeadOpensEveryDealsChatsWithoutThemFillingTheirInbox() {
    Deal pumps = deal("Насосная станция для ТЭЦ");
    Long chat = chats.dealChat(pumps.getId(), ChatKind.DEAL_CLIENT, SIDOROVA);
    long ropUnread = chats.unreadTotal(ROP);
    long managerUnread = chats.unreadTotal(SIDOROVA);

    chats.receiveFromClient(pumps.getId(), "Ахметов Ерлан", Channel.WHATSAPP, "Ждём проект договора", List.of(), null);

    assertThat(chats.unreadTotal(SIDOROVA)).isEqualTo(managerUnread + 1);
    assertThat(chats.unreadTotal(ROP)).isEqualTo(ropUnread);
    assertThat(chats.myChats(ROP, null, true, Pageable.unpaged()).map(ChatSummary::id).getContent()).doesNotContain(chat);
    assertThat(chats.myChats(SIDOROVA, null, true, Pageable.unpaged()).map(ChatSummary::id).getContent()).contains(chat);
    assertThat(chats.open(chat, ROP, null).messages()).last().matches(m -> m.body().equals("Ждём проект договора"));
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
