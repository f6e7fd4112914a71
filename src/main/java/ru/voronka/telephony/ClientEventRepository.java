package ru.voronka.telephony;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ClientEventRepository extends JpaRepository<ClientEvent, Long> {

  @Query("select e from ClientEvent e join fetch e.employee where e.remindAt <= ?1 and e.remindedAt is null"
      + " and e.status in (ru.voronka.telephony.ClientEvent.Status.OPEN, ru.voronka.telephony.ClientEvent.Status.IN_PROGRESS)")
  List<ClientEvent> dueForReminder(Instant now);

  /**
   * Claims the reminder: 1 for the one transaction that marks it, 0 for any other (a second node, an
   * old leader still finishing its run) — it waits on the row and then finds it marked.
   */
  @org.springframework.data.jpa.repository.Modifying
  @Query("update ClientEvent e set e.remindedAt = ?2 where e.id = ?1 and e.remindedAt is null")
  int claimReminder(Long id, Instant now);

  @Query("select e from ClientEvent e where e.employee.id = ?1 order by e.dueAt")
  List<ClientEvent> ofEmployee(Long employeeId);

  @Query("select e from ClientEvent e where e.counterparty.id = ?1 order by e.dueAt desc")
  List<ClientEvent> ofCounterparty(Long counterpartyId);
}
