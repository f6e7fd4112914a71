package ru.voronka.telephony;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PhoneCallRepository extends JpaRepository<PhoneCall, Long> {

  Optional<PhoneCall> findByCallKey(String callKey);

  List<PhoneCall> findByStateIn(Collection<PhoneCall.State> states);

  @Query("select max(coalesce(c.endedAt, c.answeredAt, c.startedAt)) from PhoneCall c where c.callKey not like 'sim-%'")
  Instant lastHeard();

  /** The journal (TEL-2): every filter optional. */
  @Query("""
      select c from PhoneCall c left join c.employee e left join c.counterparty cp
      where (:employeeId is null or e.id = :employeeId)
        and (:direction is null or c.direction = :direction)
        and (:state is null or c.state = :state)
        and c.startedAt >= :from and c.startedAt < :to
      order by c.startedAt desc""")
  Page<PhoneCall> journal(Long employeeId, CallDirection direction, PhoneCall.State state, Instant from, Instant to,
      Pageable pageable);

  /** TEL-1's recent callers: the numbers of the latest calls, each once, newest first (an employee's own, or everybody's). */
  @Query("""
      select c.clientNumber, max(c.startedAt) from PhoneCall c
      where (:employeeId is null or c.employee.id = :employeeId) and c.startedAt >= :since
      group by c.clientNumber order by max(c.startedAt) desc""")
  List<Object[]> recentNumbers(Long employeeId, Instant since, Pageable pageable);

  @Query("""
      select c from PhoneCall c where c.clientNumber = :number and (:employeeId is null or c.employee.id = :employeeId)
      order by c.startedAt desc""")
  List<PhoneCall> latestWith(String number, Long employeeId, Pageable pageable);
}
