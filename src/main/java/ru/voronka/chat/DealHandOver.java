package ru.voronka.chat;

import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.voronka.deals.DealLinks;
import ru.voronka.deals.ResponsibleChanged;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
import ru.voronka.notifications.Notice;
import ru.voronka.notifications.Notifier;

/**
 * A deal handed over by someone else (the РОП) is announced to its new responsible — with the bell,
 * a pop-up and a mail — who from now on receives its client's messages (the routing follows the
 * deal's responsible). Taking a request oneself needs no announcement.
 */
@Component
class DealHandOver {

  private final Notifier notifier;
  private final DealLinks links;
  private final Directory directory;

  DealHandOver(Notifier notifier, DealLinks links, Directory directory) {
    this.notifier = notifier;
    this.links = links;
    this.directory = directory;
  }

  @ApplicationModuleListener
  void responsibleChanged(ResponsibleChanged event) {
    if (event.responsible().equals(event.by())) {
      return;
    }
    notifier.notifyUsers(List.of(event.responsible()), new Notice("Вам передана сделка №" + event.dealId(),
        "Сделку №" + event.dealId() + " передал(а) вам " + directory.employee(event.by()).map(Employee::getFullName).orElse(event.by())
            + ". Сообщения её клиента теперь приходят вам.",
        event.dealId(), links.deal(event.dealId())));
  }
}
