package ru.voronka.chat;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChatMemberRepository extends JpaRepository<ChatMember, Long> {

  @Query("select m from ChatMember m join fetch m.employee where m.chat.id = ?1")
  List<ChatMember> findByChat(Long chatId);

  @Query("select count(m) > 0 from ChatMember m where m.chat.id = ?1 and m.employee.id = ?2")
  boolean isMember(Long chatId, Long employeeId);
}

interface ChatAccessRuleRepository extends JpaRepository<ChatAccessRule, Long> {

  @Query("select r from ChatAccessRule r left join fetch r.employee left join fetch r.position left join fetch r.department where r.chat.id = ?1")
  List<ChatAccessRule> findByChat(Long chatId);
}

interface ReadMarkRepository extends JpaRepository<ReadMark, Long> {

  @Query("select r from ReadMark r where r.chat.id = ?1 and r.employee.id = ?2")
  Optional<ReadMark> find(Long chatId, Long employeeId);

  @Query("select r from ReadMark r join fetch r.employee where r.chat.id = ?1")
  List<ReadMark> findByChat(Long chatId);
}

interface ChatAttachmentRepository extends JpaRepository<ChatAttachment, Long> {

  /** Rows: id, message id, file name, size — without the content. */
  @Query("select a.id, a.message.id, a.fileName, a.sizeBytes from ChatAttachment a where a.message.id in ?1 order by a.id")
  List<Object[]> describe(java.util.Collection<Long> messageIds);
}
