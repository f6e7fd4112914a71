package ru.voronka.chat;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
import ru.voronka.platform.audit.Audit;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/** Who is in a deal's chats besides its responsible and the leads (WA-3). */
@Service
@Transactional
public class DealChatMembers {

  private final ChatMemberRepository members;
  private final Directory directory;
  private final Audit audit;
  private final ChatGuard guard;

  DealChatMembers(ChatMemberRepository members, Directory directory, Audit audit, ChatGuard guard) {
    this.members = members;
    this.directory = directory;
    this.audit = audit;
    this.guard = guard;
  }

  public record Member(String userId, String fullName) {}

  /** The people added to a deal's chat by hand (its responsible and the leads see it anyway). */
  @Transactional(readOnly = true)
  public List<Member> members(Long chatId, Viewer viewer) {
    guard.requireVisible(chatId, viewer);
    return members.findByChat(chatId).stream().map(ChatMember::getEmployee)
        .map(e -> new Member(e.getUserId(), e.getFullName())).toList();
  }

  /** WA-3: the deal's responsible (or a lead of sales) adds a colleague to the deal's client or internal chat. */
  public void addMember(Long chatId, String userId, Viewer viewer) {
    Chat chat = requireManageableDealChat(chatId, viewer);
    Employee employee = directory.employee(userId)
        .orElseThrow(() -> new DomainException(Kind.INVALID, "Сотрудник «" + userId + "» не найден"));
    if (!members.isMember(chatId, employee.getId())) {
      members.save(new ChatMember(chat, employee));
      audit.record(viewer.userId(), "CHAT_MEMBER_ADDED", "chat", chatId, employee.getFullName());
    }
  }

  public void removeMember(Long chatId, String userId, Viewer viewer) {
    requireManageableDealChat(chatId, viewer);
    members.findByChat(chatId).stream().filter(m -> m.getEmployee().getUserId().equals(userId)).findFirst().ifPresent(m -> {
      members.delete(m);
      audit.record(viewer.userId(), "CHAT_MEMBER_REMOVED", "chat", chatId, m.getEmployee().getFullName());
    });
  }

  /** Whether the viewer may change who is in a deal's chats: its responsible or a lead of sales. */
  @Transactional(readOnly = true)
  public boolean mayManageMembers(Long chatId, Viewer viewer) {
    Chat chat = guard.requireVisible(chatId, viewer);
    return chat.getDeal() != null && (viewer.leadsSales() || viewer.userId().equals(chat.getDeal().getResponsibleUserId()));
  }

  private Chat requireManageableDealChat(Long chatId, Viewer viewer) {
    Chat chat = guard.requireVisible(chatId, viewer);
    if (chat.getDeal() == null) {
      throw new DomainException(Kind.INVALID, "Участников задают в чатах сделок; личные и групповые чаты настраивает администратор");
    }
    if (!viewer.leadsSales() && !viewer.userId().equals(chat.getDeal().getResponsibleUserId())) {
      throw new DomainException(Kind.FORBIDDEN, "Участников чатов сделки меняет её ответственный или РОП");
    }
    return chat;
  }
}
