package ru.voronka.chat;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChatAccessRuleRepository extends JpaRepository<ChatAccessRule, Long> {

  @Query("select r from ChatAccessRule r left join fetch r.employee left join fetch r.position left join fetch r.department where r.chat.id = ?1")
  List<ChatAccessRule> findByChat(Long chatId);
}
