package ru.voronka.deals;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import ru.voronka.directory.Counterparty;

/** Counterparties seen through their deals: which of them a sales manager may look at. */
interface ClientRepository extends Repository<Counterparty, Long> {

  @Query("""
      select c from Counterparty c
      where :q is null or lower(c.name) like lower(concat('%', :q, '%')) or c.inn like concat(:q, '%')
      order by c.name, c.id""")
  Page<Counterparty> search(@Param("q") String q, Pageable pageable);

  @Query("""
      select c from Counterparty c left join c.responsible r
      where (:q is null or lower(c.name) like lower(concat('%', :q, '%')) or c.inn like concat(:q, '%'))
        and (r.userId = :userId or exists (select 1 from Deal d left join d.responsible dr where d.counterparty = c
             and (dr is null or dr.userId = :userId)))
      order by c.name, c.id""")
  Page<Counterparty> searchVisibleTo(@Param("q") String q, @Param("userId") String userId, Pageable pageable);
}
