package ru.voronka.workspace;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.voronka.chat.CounterpartyChats;
import ru.voronka.deals.Viewers;

/**
 * WA-5: deals whose clients wrote and whose responsible has not read it yet; a click opens the chat tab.
 * Below, the messages of strangers (WA-2) no deal has taken yet, each with «Создать сделку».
 */
@Controller
class NewMessagesController {

  private final CounterpartyChats counterpartyChats;
  private final ru.voronka.whatsapp.StrangerRequests strangers;

  NewMessagesController(CounterpartyChats counterpartyChats, ru.voronka.whatsapp.StrangerRequests strangers) {
    this.counterpartyChats = counterpartyChats;
    this.strangers = strangers;
  }

  @GetMapping("/messages/new")
  String newMessages(@RequestParam(defaultValue = "0") int page, Authentication auth, Model model) {
    var viewer = Viewers.of(auth);
    model.addAttribute("rows", counterpartyChats.newClientMessages(viewer, PageRequest.of(Math.max(page, 0), 25)));
    // WA-2: what strangers asked for, for the sales people to make deals of
    boolean sales = viewer.leadsSales() || viewer.groups().contains(ru.voronka.directory.Group.MANAGERS);
    model.addAttribute("strangers", sales ? strangers.open(50) : java.util.List.of());
    return "workspace/new-messages";
  }
}
