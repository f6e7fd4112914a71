package ru.voronka.directory;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CounterpartyRepository extends JpaRepository<Counterparty, Long> {

  @Query("""
      select c from Counterparty c
      where :q is null or lower(c.name) like lower(concat('%', :q, '%')) or c.inn like concat(:q, '%')
      order by c.name""")
  Page<Counterparty> search(@Param("q") String q, Pageable pageable);

  @Query("""
      select distinct cp from Counterparty cp join cp.contacts c join c.phones p
      where p.number = :number""")
  List<Counterparty> findByPhone(@Param("number") String e164);

  @Query("select c from Counterparty c where c.inn = ?1 order by c.id")
  List<Counterparty> findByInn(String inn);

  @Query("""
      select distinct cp from Counterparty cp join cp.contacts c join c.emails e
      where lower(e.email) = :email""")
  List<Counterparty> findByEmail(@Param("email") String lowerCaseEmail);
}
