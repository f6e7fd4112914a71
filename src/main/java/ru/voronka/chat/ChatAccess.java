package ru.voronka.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
import ru.voronka.directory.EmployeeRepository;
import ru.voronka.directory.Group;
import ru.voronka.platform.Refreshed;

/**
 * Who may see a chat — the one place that decides it ({@link ChatRepository#visibleTo} is the same
 * rule as a query). Personal chat: its two members. Group chat: everyone when it has no rules,
 * else whoever a rule names by user, position or department. A deal's client chat: whoever its
 * messages are routed to ({@link MessageRouting}, WA-1), the people added to it, and the leads of
 * sales (РОП, administrators); its internal chat: the deal's responsible, its members and the leads.
 * A manager therefore never sees the client chat of a deal routed to someone else.
 */
@Component
class ChatAccess {

  private final ChatMemberRepository members;
  private final ChatAccessRuleRepository rules;
  private final EmployeeRepository employees;
  private final Directory directory;
  private final MessageRouting routing;

  ChatAccess(ChatMemberRepository members, ChatAccessRuleRepository rules, EmployeeRepository employees,
      Directory directory, MessageRouting routing) {
    this.routing = routing;
    this.members = members;
    this.rules = rules;
    this.employees = employees;
    this.directory = directory;
  }

  boolean maySee(Chat chat, Employee me, Viewer viewer) {
    if (me != null && members.isMember(chat.getId(), me.getId())) {
      return true;
    }
    return switch (chat.getKind()) {
      case PERSONAL -> false;
      case GROUP -> viewer.groups().contains(Group.ADMINS) || (me != null && admitsToGroup(chat, me));
      case DEAL_CLIENT -> viewer.leadsSales()
          || (me != null && routing.recipients(chat.getDeal()).stream().anyMatch(e -> e.getId().equals(me.getId())));
      case DEAL_INTERNAL -> viewer.leadsSales()
          || (me != null && chat.getDeal().getResponsible() != null && chat.getDeal().getResponsible().getId().equals(me.getId()));
    };
  }

  private boolean admitsToGroup(Chat chat, Employee me) {
    List<ChatAccessRule> chatRules = rules.findByChat(chat.getId());
    return chatRules.isEmpty() || chatRules.stream().anyMatch(r -> r.admits(me));
  }

  /**
   * Whose inbox the chat is in: its members, a group chat's admitted employees, a deal chat's
   * responsible. Their unread counts, trees and pop-ups come from it; the leads of sales may open
   * any deal chat without it flooding their inbox.
   */
  List<Employee> participants(Chat chat) {
    return collect(chat, false);
  }

  /** Everyone who may see the chat: «Доступен пользователям», and whose open pages follow it live. */
  List<Employee> audience(Chat chat) {
    return collect(chat, true);
  }

  private List<Employee> collect(Chat chat, boolean withLeads) {
    Map<Long, Employee> audience = new LinkedHashMap<>();
    members.findByChat(chat.getId()).forEach(m -> audience.put(m.getEmployee().getId(), m.getEmployee()));
    switch (chat.getKind()) {
      case PERSONAL -> { }
      case GROUP -> {
        List<ChatAccessRule> chatRules = rules.findByChat(chat.getId());
        employees.findAll().stream()
            .filter(Employee::isActive)
            .filter(e -> chatRules.isEmpty() || chatRules.stream().anyMatch(r -> r.admits(e)))
            .forEach(e -> audience.putIfAbsent(e.getId(), e));
      }
      case DEAL_CLIENT, DEAL_INTERNAL -> {
        if (chat.getKind() == ChatKind.DEAL_CLIENT) {
          routing.recipients(chat.getDeal()).forEach(e -> audience.putIfAbsent(e.getId(), e));
        } else if (chat.getDeal().getResponsible() != null) {
          audience.putIfAbsent(chat.getDeal().getResponsible().getId(), chat.getDeal().getResponsible());
        }
        if (withLeads) {
          leads().forEach(e -> audience.putIfAbsent(e.getId(), e));
        }
      }
    }
    return new ArrayList<>(audience.values());
  }

  /** A newly hired РОП or administrator sees the deals' chats at once, not half a minute later. */
  @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true) // once their roles are committed
  public void employeeHired(ru.voronka.directory.EmployeeHired event) {
    leads.forget();
  }

  /** Who leads sales: asked of Camunda's identity service at most every half minute (it changes rarely). */
  List<Employee> leads() {
    return leads.get();
  }

  private final Refreshed<List<Employee>> leads = new Refreshed<>(Duration.ofSeconds(30), this::readLeads);

  private List<Employee> readLeads() {
    List<Employee> fresh = new ArrayList<>(directory.members(Group.HEAD_OF_SALES));
    fresh.addAll(directory.members(Group.ADMINS));
    return List.copyOf(fresh);
  }
}
