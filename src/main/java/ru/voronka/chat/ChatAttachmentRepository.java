package ru.voronka.chat;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ChatAttachmentRepository extends JpaRepository<ChatAttachment, Long> {

  /** Rows: id, message id, file name, size, status, status reason — without the content. */
  @Query("""
      select a.id, a.message.id, a.fileName, a.sizeBytes, a.status, a.statusReason from ChatAttachment a
      where a.message.id in ?1 order by a.id""")
  List<Object[]> describe(Collection<Long> messageIds);

  @Query("select a from ChatAttachment a join fetch a.message where a.externalId = ?1")
  List<ChatAttachment> findByExternalId(String externalId);

  /** One file part's outcome, written by {@link DeliveryProgress} in a transaction of its own. */
  @Modifying
  @Query("""
      update ChatAttachment a set a.status = ?2, a.statusReason = ?3, a.externalId = coalesce(?4, a.externalId)
      where a.id = ?1""")
  int record(Long id, MessageStatus status, String reason, String externalId);
}
