package ru.voronka.chat;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ChatMessageRepository extends JpaRepository<ChatMessage, Long> {

  /** The newest messages before {@code beforeId}, newest first; the page reverses them. */
  @Query("""
      select m from ChatMessage m left join fetch m.authorEmployee
      where m.chat.id = ?1 and m.id < ?2 order by m.id desc""")
  List<ChatMessage> pageBefore(Long chatId, long beforeId, Pageable pageable);

  @Query("select m from ChatMessage m left join fetch m.authorEmployee where m.chat.id = ?1 and m.id > ?2 order by m.id")
  List<ChatMessage> after(Long chatId, long afterId);

  /** The event feed: every message of the client's chats, whatever the channel, newest first. */
  @Query("""
      select m from ChatMessage m join fetch m.chat c left join fetch c.deal left join fetch m.authorEmployee
      where c.counterparty.id = ?1 and c.kind = ru.voronka.chat.ChatKind.DEAL_CLIENT and m.deletedAt is null
      order by m.createdAt desc, m.id desc""")
  List<ChatMessage> feedOf(Long counterpartyId, Pageable pageable);

  /** Unread per chat for one employee: others' messages after their read mark, ours to the client excluded. */
  @Query("""
      select m.chat.id, count(m) from ChatMessage m
      where m.chat.id in ?2 and m.deletedAt is null and m.direction <> ru.voronka.chat.Direction.OUTGOING
        and (m.authorEmployee is null or m.authorEmployee.id <> ?1)
        and m.id > coalesce((select r.lastReadMessageId from ReadMark r where r.chat = m.chat and r.employee.id = ?1), 0)
      group by m.chat.id""")
  List<Object[]> unreadByChat(Long employeeId, Collection<Long> chatIds);

  @Query("select max(m.id) from ChatMessage m where m.chat.id = ?1")
  Optional<Long> lastIdOf(Long chatId);

  /**
   * WA-5: client chats with messages the person they are routed to (the deal's responsible, else
   * the counterparty's) has not read yet — any reader's mark when nobody is responsible. A manager
   * sees the chats routed to them, directly or by delegation. Rows: chat id, deal id, deal title,
   * the routed person's name, count, latest time.
   */
  @Query(value = """
      select c.id, d.id, d.title, coalesce(dr.fullName, cr.fullName), count(m), max(m.createdAt) from ChatMessage m
        join m.chat c join c.deal d left join d.responsible dr left join d.counterparty cp left join cp.responsible cr
      where c.kind = ru.voronka.chat.ChatKind.DEAL_CLIENT and m.direction = ru.voronka.chat.Direction.INCOMING
        and m.deletedAt is null
        and (:lead = true or coalesce(dr.id, cr.id) = :me
          or exists (select 1 from MessageDelegation g where g.receiver.id = :me and g.source.id = coalesce(dr.id, cr.id))
          or (dr.id is null and cr.id is null and exists (select 1 from UnassignedRecipient u where u.employee.id = :me)))
        and m.id > coalesce((select max(r.lastReadMessageId) from ReadMark r where r.chat = c
            and (coalesce(dr.id, cr.id) is null or r.employee.id = coalesce(dr.id, cr.id))), 0)
      group by c.id, d.id, d.title, coalesce(dr.fullName, cr.fullName)
      order by max(m.createdAt) desc""",
      countQuery = """
      select count(distinct c.id) from ChatMessage m
        join m.chat c join c.deal d left join d.responsible dr left join d.counterparty cp left join cp.responsible cr
      where c.kind = ru.voronka.chat.ChatKind.DEAL_CLIENT and m.direction = ru.voronka.chat.Direction.INCOMING
        and m.deletedAt is null
        and (:lead = true or coalesce(dr.id, cr.id) = :me
          or exists (select 1 from MessageDelegation g where g.receiver.id = :me and g.source.id = coalesce(dr.id, cr.id))
          or (dr.id is null and cr.id is null and exists (select 1 from UnassignedRecipient u where u.employee.id = :me)))
        and m.id > coalesce((select max(r.lastReadMessageId) from ReadMark r where r.chat = c
            and (coalesce(dr.id, cr.id) is null or r.employee.id = coalesce(dr.id, cr.id))), 0)""")
  org.springframework.data.domain.Page<Object[]> newClientMessages(Long me, boolean lead, Pageable pageable);

  /** The deal list's mark: which of these deals have client messages their routed person has not read. */
  @Query("""
      select distinct d.id from ChatMessage m join m.chat c join c.deal d left join d.responsible dr
        left join d.counterparty cp left join cp.responsible cr
      where d.id in ?1 and c.kind = ru.voronka.chat.ChatKind.DEAL_CLIENT
        and m.direction = ru.voronka.chat.Direction.INCOMING and m.deletedAt is null
        and m.id > coalesce((select max(r.lastReadMessageId) from ReadMark r where r.chat = c
            and (coalesce(dr.id, cr.id) is null or r.employee.id = coalesce(dr.id, cr.id))), 0)""")
  List<Long> dealsWithNewClientMessages(Collection<Long> dealIds);


  /**
   * The top bar's badge: others' messages after the employee's read mark in their own chats — as a
   * member, through a group chat's rules (or one without rules), as a deal's responsible, or a
   * client chat routed to them (see {@link ChatRepository#visibleTo}).
   */
  @Query("""
      select count(m) from ChatMessage m join m.chat c left join c.deal d left join d.responsible dr
        left join d.counterparty cp left join cp.responsible cr
      where m.deletedAt is null and m.direction <> ru.voronka.chat.Direction.OUTGOING
        and (m.authorEmployee is null or m.authorEmployee.id <> :me)
        and m.id > coalesce((select r.lastReadMessageId from ReadMark r where r.chat = c and r.employee.id = :me), 0)
        and (exists (select 1 from ChatMember cm where cm.chat = c and cm.employee.id = :me)
          or (c.kind = ru.voronka.chat.ChatKind.GROUP and (
              not exists (select 1 from ChatAccessRule r where r.chat = c)
              or exists (select 1 from ChatAccessRule r where r.chat = c
                  and (r.employee.id = :me or r.position.id = :position or r.department.id = :department))))
          or (c.kind = ru.voronka.chat.ChatKind.DEAL_INTERNAL and dr.id = :me)
          or (c.kind = ru.voronka.chat.ChatKind.DEAL_CLIENT and (coalesce(dr.id, cr.id) = :me
              or exists (select 1 from MessageDelegation g where g.receiver.id = :me and g.source.id = coalesce(dr.id, cr.id))
              or (dr.id is null and cr.id is null and exists (select 1 from UnassignedRecipient u where u.employee.id = :me)))))""")
  long unreadInOwnChats(Long me, Long position, Long department);

  @Query("select m from ChatMessage m where m.externalId = ?1")
  Optional<ChatMessage> findByExternalId(String externalId);

  Optional<ChatMessage> findByIdempotencyKey(String idempotencyKey);

  /** The client's latest WhatsApp messages in a chat, newest first: the first tells which service reached them last. */
  @Query("""
      select m from ChatMessage m where m.chat.id = ?1 and m.direction = ru.voronka.chat.Direction.INCOMING
        and m.channel = ru.voronka.chat.Channel.WHATSAPP and m.externalId is not null order by m.id desc""")
  List<ChatMessage> latestFromClient(Long chatId, Pageable pageable);

  /**
   * A status change that holds only while the message is in one of {@code from}: the outbox's job and
   * the gateway's receipt may move one message at the same time, and neither must undo the other.
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update ChatMessage m set m.status = ?2, m.statusReason = ?3, m.externalId = coalesce(?4, m.externalId)
      where m.id = ?1 and m.status in ?5""")
  int moveStatus(Long id, MessageStatus status, String reason, String externalId, Collection<MessageStatus> from);

  /** The text part went out: its provider id, while the files still go (the status moves when all went). */
  @Modifying
  @Query("update ChatMessage m set m.externalId = ?2 where m.id = ?1")
  int identifyText(Long id, String externalId);

  /**
   * When the client last wrote through WhatsApp — to any chat of the counterparty's deals (one client,
   * one conversation with the company number), or to this chat; {@code counterpartyId} -1 when it has none.
   */
  @Query("""
      select max(m.createdAt) from ChatMessage m join m.chat c left join c.counterparty cp
      where m.direction = ru.voronka.chat.Direction.INCOMING and m.channel = ru.voronka.chat.Channel.WHATSAPP
        and c.kind = ru.voronka.chat.ChatKind.DEAL_CLIENT and (c.id = ?1 or cp.id = ?2)""")
  Optional<java.time.Instant> lastClientMessageAt(Long chatId, Long counterpartyId);
}
