package ru.voronka.chat;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReadMarkRepository extends JpaRepository<ReadMark, Long> {

  @Query("select r from ReadMark r where r.chat.id = ?1 and r.employee.id = ?2")
  Optional<ReadMark> find(Long chatId, Long employeeId);

  @Query("select r from ReadMark r join fetch r.employee where r.chat.id = ?1")
  List<ReadMark> findByChat(Long chatId);
}
