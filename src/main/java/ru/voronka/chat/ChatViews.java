package ru.voronka.chat;

import java.util.List;

/** What the pages show of chats: built inside the service's transaction, read by templates freely. */
public final class ChatViews {

  private ChatViews() {}

  public record ChatSummary(Long id, ChatKind kind, String kindTitle, String title, String icon, Long dealId, long unread,
      String lastMessageAt) {}

  /**
   * A file of a message; a file to the client has its own {@code status} (it leaves as a message of its
   * own), null for a client's file.
   */
  public record AttachmentView(Long id, String fileName, String size, String status, boolean failed, String statusReason) {

    public AttachmentView(Long id, String fileName, String size) {
      this(id, fileName, size, null, false, null);
    }
  }

  /**
   * One message as a chat row. {@code fromUs}: outgoing or internal by the viewer (right, blue);
   * {@code unread}: not read by the viewer yet (bold until clicked or a few seconds on screen).
   */
  public record MessageView(Long id, Long chatId, boolean fromUs, String author, String channelIcon, String channelTitle,
      String body, String status, boolean failed, String statusReason, String at, boolean unread, boolean deleted,
      List<AttachmentView> attachments, String chatTitle, Long dealId) {}

  /** {@code clientWindowClosed}: a client chat whose client has not written for 24 hours (Cloud API: templates only). */
  public record ChatPage(ChatSummary chat, List<MessageView> messages, boolean hasOlder, long oldestId, long newestId,
      boolean clientChat, boolean internal, String clientPhone, String currentTaskUrl, Long dealId, String dealTitle,
      Long counterpartyId, boolean mayDelete, boolean maySend, List<String> audience, boolean clientWindowClosed) {}

  public record Reader(String name, boolean read) {}

  /** WA-7: a deal of the counterparty with its chats, collapsed until opened. */
  public record DealChats(Long dealId, String dealTitle, String stage, String responsible, List<ChatSummary> chats) {}

  /** WA-5: a client chat with messages its deal's responsible has not read. */
  public record NewClientMessages(Long chatId, Long dealId, String dealTitle, String responsible, long count, String latest) {}
}
