package ru.voronka.workspace;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.voronka.chat.ChatReading;
import ru.voronka.chat.ChatViews.ChatPage;
import ru.voronka.chat.DealChatMembers;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealService;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.Viewers;
import ru.voronka.directory.EmployeeRepository;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;
import ru.voronka.whatsapp.GroupAdmissions;

/**
 * WA-3: who is in a deal's chats besides its responsible — colleagues from Users, and in the client
 * group the client's numbers from the counterparty's contacts. The responsible (or the РОП) adds
 * and removes them; everyone who sees the chat sees the list.
 */
@Controller
@Transactional
class DealGroupMembersController {

  private final DealChatMembers dealMembers;
  private final ChatReading reading;
  private final DealService deals;
  private final GroupAdmissions admissions;
  private final EmployeeRepository employees;

  DealGroupMembersController(DealChatMembers dealMembers, ChatReading reading, DealService deals, GroupAdmissions admissions, EmployeeRepository employees) {
    this.dealMembers = dealMembers;
    this.reading = reading;
    this.deals = deals;
    this.admissions = admissions;
    this.employees = employees;
  }

  @GetMapping("/chats/{id}/members")
  String members(@PathVariable Long id, Authentication auth, Model model) {
    return fragment(id, Viewers.of(auth), model);
  }

  @PostMapping("/chats/{id}/members")
  String add(@PathVariable Long id, @RequestParam(required = false) String userId, Authentication auth, Model model) {
    dealMembers.addMember(id, userId, Viewers.of(auth));
    return fragment(id, Viewers.of(auth), model);
  }

  @PostMapping("/chats/{id}/members/{userId}/delete")
  String remove(@PathVariable Long id, @PathVariable String userId, Authentication auth, Model model) {
    dealMembers.removeMember(id, userId, Viewers.of(auth));
    return fragment(id, Viewers.of(auth), model);
  }

  @PostMapping("/chats/{id}/numbers")
  String addNumber(@PathVariable Long id, @RequestParam(required = false) String phone, Authentication auth, Model model) {
    Viewer viewer = Viewers.of(auth);
    admissions.admitByHand(dealOf(id, viewer), phone == null ? "" : phone, viewer);
    return fragment(id, viewer, model);
  }

  @PostMapping("/chats/{id}/numbers/delete")
  String removeNumber(@PathVariable Long id, @RequestParam String phone, Authentication auth, Model model) {
    Viewer viewer = Viewers.of(auth);
    admissions.removeByHand(dealOf(id, viewer), phone, viewer);
    return fragment(id, viewer, model);
  }

  private Deal dealOf(Long chatId, Viewer viewer) {
    ChatPage chat = reading.open(chatId, viewer, Long.MAX_VALUE);
    if (chat.dealId() == null) {
      throw new DomainException(Kind.INVALID, "Номера клиента добавляют в чат клиента сделки");
    }
    return deals.get(chat.dealId(), viewer);
  }

  private String fragment(Long chatId, Viewer viewer, Model model) {
    ChatPage chat = reading.open(chatId, viewer, Long.MAX_VALUE);
    model.addAttribute("chatId", chatId);
    model.addAttribute("members", dealMembers.members(chatId, viewer));
    model.addAttribute("mayManage", dealMembers.mayManageMembers(chatId, viewer));
    model.addAttribute("colleagues", employees.findActive().stream().map(e -> new Option(e.getUserId(), e.getFullName())).toList());
    model.addAttribute("clientChat", chat.clientChat());
    if (chat.clientChat() && chat.dealId() != null) {
      Deal deal = deals.get(chat.dealId(), viewer);
      model.addAttribute("numbers", admissions.admitted(deal.getId()));
      model.addAttribute("clientNumbers", deal.getCounterparty() == null ? List.of() : deal.getCounterparty().getContacts().stream()
          .flatMap(c -> c.getPhones().stream().map(p -> new Option(p, p + " — " + c.getFullName()))).toList());
    }
    return "workspace/fragments/chat-members";
  }
}
