package ru.voronka.chat;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChatMemberRepository extends JpaRepository<ChatMember, Long> {

  @Query("select m from ChatMember m join fetch m.employee where m.chat.id = ?1")
  List<ChatMember> findByChat(Long chatId);

  @Query("select count(m) > 0 from ChatMember m where m.chat.id = ?1 and m.employee.id = ?2")
  boolean isMember(Long chatId, Long employeeId);
}
