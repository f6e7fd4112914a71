package ru.voronka.workspace;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.voronka.chat.CounterpartyChats;
import ru.voronka.deals.Viewers;

/** WA-5: deals whose clients wrote and whose responsible has not read it yet; a click opens the chat tab. */
@Controller
class NewMessagesController {

  private final CounterpartyChats counterpartyChats;

  NewMessagesController(CounterpartyChats counterpartyChats) {
    this.counterpartyChats = counterpartyChats;
  }

  @GetMapping("/messages/new")
  String newMessages(@RequestParam(defaultValue = "0") int page, Authentication auth, Model model) {
    model.addAttribute("rows", counterpartyChats.newClientMessages(Viewers.of(auth), PageRequest.of(Math.max(page, 0), 25)));
    return "workspace/new-messages";
  }
}
