package ru.voronka.chat;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MessageDelegationRepository extends JpaRepository<MessageDelegation, Long> {

  @Query("select g from MessageDelegation g join fetch g.receiver join fetch g.source order by g.receiver.fullName")
  List<MessageDelegation> findAllWithPeople();

  @Query("select g.receiver from MessageDelegation g where g.source.id = ?1")
  List<ru.voronka.directory.Employee> receiversFor(Long sourceId);

  @Query("select g from MessageDelegation g where g.receiver.id = ?1 and g.source.id = ?2")
  Optional<MessageDelegation> find(Long receiverId, Long sourceId);
}
