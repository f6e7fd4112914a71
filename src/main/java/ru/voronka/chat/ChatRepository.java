package ru.voronka.chat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChatRepository extends JpaRepository<Chat, Long> {

  @Query("select c from Chat c where c.pairKey = ?1")
  Optional<Chat> findByPairKey(String pairKey);

  @Query("select c from Chat c where c.deal.id = ?1 and c.kind = ?2")
  Optional<Chat> findByDeal(Long dealId, ChatKind kind);

  @Query("select c from Chat c where c.counterparty.id = ?1 and c.kind = ru.voronka.chat.ChatKind.DEAL_CLIENT order by c.deal.id desc")
  List<Chat> findClientChatsOf(Long counterpartyId);

  /**
   * Every chat the employee may see — the query form of {@link ChatAccess#maySee}: a member; a
   * group chat open to everyone or with a rule for them; a deal's client chat routed to them
   * ({@link MessageRouting}: the deal's responsible, else the counterparty's, their delegates, or
   * with nobody responsible the «Без указания менеджера» recipients); a deal's internal chat as its
   * responsible; any deal chat as a lead of sales. {@code since} keeps the communicator's tree to
   * recent chats (null: all).
   */
  @Query("""
      select c from Chat c left join c.deal d left join d.responsible dr left join d.counterparty cp
        left join cp.responsible cr
      where (exists (select 1 from ChatMember m where m.chat = c and m.employee.id = :me)
         or (c.kind = ru.voronka.chat.ChatKind.GROUP and (:admin = true
             or not exists (select 1 from ChatAccessRule r where r.chat = c)
             or exists (select 1 from ChatAccessRule r where r.chat = c
                 and (r.employee.id = :me or r.position.id = :position or r.department.id = :department))))
         or (c.kind in (ru.voronka.chat.ChatKind.DEAL_CLIENT, ru.voronka.chat.ChatKind.DEAL_INTERNAL) and :lead = true)
         or (c.kind = ru.voronka.chat.ChatKind.DEAL_INTERNAL and dr.id = :me)
         or (c.kind = ru.voronka.chat.ChatKind.DEAL_CLIENT and (coalesce(dr.id, cr.id) = :me
             or exists (select 1 from MessageDelegation g where g.receiver.id = :me and g.source.id = coalesce(dr.id, cr.id))
             or (dr.id is null and cr.id is null and exists (select 1 from UnassignedRecipient u where u.employee.id = :me)))))
        and (cast(:since as timestamp) is null or c.lastMessageAt >= :since)
        and (:q is null or lower(c.title) like lower(concat('%', cast(:q as string), '%')))
      order by coalesce(c.lastMessageAt, c.createdAt) desc, c.id desc""")
  Page<Chat> visibleTo(Long me, Long position, Long department, boolean lead, boolean admin, Instant since, String q,
      Pageable pageable);
}
