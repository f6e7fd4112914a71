package ru.voronka.demo;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.voronka.chat.Channel;
import ru.voronka.chat.ChatAdministration;
import ru.voronka.chat.ChatFinder;
import ru.voronka.chat.ChatKind;
import ru.voronka.chat.ChatPosting;
import ru.voronka.chat.ChatReceiving;
import ru.voronka.chat.Direction;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.DepartmentRepository;
import ru.voronka.directory.Group;

/** Conversations for the first run: colleagues talking, clients writing, a missed call. */
@Component
@ConditionalOnProperty(name = "voronka.demo.enabled", havingValue = "true")
class DemoChats {

  private final ChatFinder finder;
  private final ChatPosting posting;
  private final ChatReceiving receiving;
  private final ChatAdministration administration;
  private final DealRepository deals;
  private final DepartmentRepository departments;

  DemoChats(ChatFinder finder, ChatPosting posting, ChatReceiving receiving, ChatAdministration administration, DealRepository deals, DepartmentRepository departments) {
    this.finder = finder;
    this.posting = posting;
    this.receiving = receiving;
    this.administration = administration;
    this.deals = deals;
    this.departments = departments;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  public void load() {
    if (!administration.groups().isEmpty()) {
      return;
    }
    Viewer admin = Viewer.of("demoadmin", List.of(Group.ADMINS.id()));
    Viewer rop = Viewer.of("smirnova", List.of(Group.HEAD_OF_SALES.id()));
    Viewer petrov = Viewer.of("petrov", List.of(Group.MANAGERS.id()));
    Viewer sidorova = Viewer.of("sidorova", List.of(Group.MANAGERS.id()));

    administration.createGroup(admin, "Вся компания", List.of(), List.of(), List.of());
    Long sales = administration.createGroup(admin, "Отдел продаж", List.of(), List.of(),
        departments.findByName("Отдел продаж").map(d -> List.of(d.getId())).orElse(List.of()));
    posting.post(sales, rop, "Коллеги, планёрка в понедельник в 10:00. Подготовьте статусы по сделкам.", List.of());
    posting.post(sales, petrov, "Принято. По «Узлу учёта тепла» КП согласовано, готовлю счёт.", List.of());

    Long ropToPetrov = finder.personalChatWith(rop, "petrov");
    posting.post(ropToPetrov, rop, "Алексей, клиент по обратным клапанам ждёт КП — успеете сегодня?", List.of());

    deal("Поставка обратных клапанов").ifPresent(d -> {
      receiving.receiveFromClient(d.getId(), "Павлова Ирина", Channel.WHATSAPP,
          "Добрый день! Когда ждать коммерческое предложение по клапанам?", List.of(), null);
      posting.post(finder.dealChat(d.getId(), ChatKind.DEAL_INTERNAL, petrov), petrov,
          "Инженерам: уточните, подходят ли клапаны Ду80 под давление 16 бар.", List.of());
    });
    deal("Узел учёта тепла").ifPresent(d -> {
      posting.post(finder.dealChat(d.getId(), ChatKind.DEAL_CLIENT, petrov), petrov,
          "Андрей, добрый день! Направляю счёт на оплату.", List.of());
      receiving.receiveFromClient(d.getId(), "Соколов Андрей", Channel.WHATSAPP, "Спасибо, передал в бухгалтерию.", List.of(), null);
    });
    deal("Насосная станция для ТЭЦ").ifPresent(d -> {
      receiving.recordCall(d.getId(), Direction.INCOMING, true, "+77011234567");
      posting.post(finder.dealChat(d.getId(), ChatKind.DEAL_CLIENT, sidorova), sidorova,
          "Ерлан, видела ваш звонок — перезвоню через 15 минут.", List.of());
    });
  }

  private java.util.Optional<Deal> deal(String title) {
    return deals.findAll().stream().filter(d -> d.getTitle().equals(title)).findFirst();
  }
}
