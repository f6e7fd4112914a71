package ru.voronka.chat;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChatAttachmentRepository extends JpaRepository<ChatAttachment, Long> {

  /** Rows: id, message id, file name, size — without the content. */
  @Query("select a.id, a.message.id, a.fileName, a.sizeBytes from ChatAttachment a where a.message.id in ?1 order by a.id")
  List<Object[]> describe(java.util.Collection<Long> messageIds);
}
