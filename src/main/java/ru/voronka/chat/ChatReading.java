package ru.voronka.chat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.chat.ChatViews.ChatPage;
import ru.voronka.chat.ChatViews.MessageView;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealLinks;
import ru.voronka.deals.DealWork;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Employee;
import ru.voronka.directory.Group;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/** Reading a chat: its page of messages, the newer ones a live event announces, its audience, a file. */
@Service
@Transactional
public class ChatReading {

  static final int PAGE = 30;

  private final ChatMessageRepository messages;
  private final ChatAttachmentRepository attachments;
  private final ChatAccess access;
  private final DealWork dealProcesses;
  private final DealLinks links;
  private final ChatGuard guard;
  private final ChatPresenter presenter;

  private final ChatFileLinks fileLinks;
  private final ClientWindow window;

  ChatReading(ChatMessageRepository messages, ChatAttachmentRepository attachments, ChatAccess access,
      DealWork dealProcesses, DealLinks links, ChatGuard guard, ChatPresenter presenter, ChatFileLinks fileLinks,
      ClientWindow window) {
    this.window = window;
    this.fileLinks = fileLinks;
    this.messages = messages;
    this.attachments = attachments;
    this.access = access;
    this.dealProcesses = dealProcesses;
    this.links = links;
    this.guard = guard;
    this.presenter = presenter;
  }

  /** A chat's latest messages (or those before {@code beforeId}: «Показать раньше»). */
  @Transactional(readOnly = true)
  public ChatPage open(Long chatId, Viewer viewer, Long beforeId) {
    Chat chat = guard.requireVisible(chatId, viewer);
    Employee me = guard.me(viewer);
    List<ChatMessage> newestFirst = messages.pageBefore(chatId, beforeId == null ? Long.MAX_VALUE : beforeId,
        PageRequest.of(0, PAGE + 1));
    boolean hasOlder = newestFirst.size() > PAGE;
    List<ChatMessage> shown = new ArrayList<>(newestFirst.subList(0, Math.min(PAGE, newestFirst.size())));
    java.util.Collections.reverse(shown);
    long readUpTo = presenter.readMark(chat, me);
    List<MessageView> views = presenter.views(shown, me, readUpTo);
    Deal deal = chat.getDeal();
    String phone = null;
    String taskUrl = null;
    if (deal != null) {
      phone = ChatGuard.clientPhone(deal);
      taskUrl = dealProcesses.openTasks(deal.getId()).stream().findFirst().map(Task::getId).map(links::task).orElse(null);
    }
    return new ChatPage(presenter.summary(chat, 0, me), views, hasOlder, shown.isEmpty() ? 0 : shown.get(0).getId(),
        shown.isEmpty() ? 0 : shown.get(shown.size() - 1).getId(), chat.isClientChat(), chat.getKind().internal(), phone,
        taskUrl, deal == null ? null : deal.getId(), deal == null ? null : deal.getTitle(),
        chat.getCounterparty() == null ? null : chat.getCounterparty().getId(),
        viewer.groups().contains(Group.ADMINS), me != null, access.audience(chat).stream().map(Employee::getFullName).toList(),
        window.closed(chat));
  }

  /** Messages after the newest one a page shows: what a live event tells it to fetch. */
  @Transactional(readOnly = true)
  public List<MessageView> newer(Long chatId, Viewer viewer, long afterId) {
    Chat chat = guard.requireVisible(chatId, viewer);
    Employee me = guard.me(viewer);
    long readUpTo = presenter.readMark(chat, me);
    return presenter.views(messages.after(chatId, afterId), me, readUpTo);
  }

  @Transactional(readOnly = true)
  public List<String> audience(Long chatId, Viewer viewer) {
    return access.audience(guard.requireVisible(chatId, viewer)).stream().map(Employee::getFullName).toList();
  }

  /** A file of a message, for whoever may see its chat. */
  @Transactional(readOnly = true)
  public ChatAttachment attachment(Long attachmentId, Viewer viewer) {
    ChatAttachment file = attachments.findById(attachmentId)
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Файл №" + attachmentId + " не найден"));
    guard.requireVisible(file.getMessage().getChat(), viewer);
    if (file.getMessage().isDeleted()) {
      throw new DomainException(Kind.NOT_FOUND, "Файл №" + attachmentId + " удалён вместе с сообщением");
    }
    return file;
  }

  /**
   * A file of a message to a client, for the provider that fetches it by its signed link (no account):
   * only a file we send, only while the link is valid; anything else is «не найден», saying no more.
   */
  @Transactional(readOnly = true)
  public ChatAttachment attachmentByLink(Long attachmentId, long expires, String token) {
    return attachments.findById(attachmentId)
        .filter(file -> fileLinks.valid(attachmentId, expires, token))
        .filter(file -> file.getMessage().getDirection() == Direction.OUTGOING && !file.getMessage().isDeleted())
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Файл не найден: ссылка неверна или устарела"));
  }
}
