package ru.voronka.deals;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import ru.voronka.directory.Counterparty;

/** Counterparties seen through their deals: which of them a sales manager may look at. */
interface ClientRepository extends Repository<Counterparty, Long> {

  /**
   * By name, ИНН, a contact's name or e-mail, or a phone in any spelling ({@code digits}: the number's
   * digits, found inside the stored E.164). Neither is null — empty when not searched: PostgreSQL cannot
   * type a null parameter used only with LIKE (it is bound as bytea).
   */
  @Query("""
      select c from Counterparty c
      where :q = '' or lower(c.name) like lower(concat('%', :q, '%')) or c.inn like concat(:q, '%')
        or c.id in (select k.counterparty.id from Contact k where lower(k.fullName) like lower(concat('%', :q, '%')))
        or c.id in (select k.counterparty.id from Contact k join k.emails e where lower(e.email) like lower(concat('%', :q, '%')))
        or (:digits <> '' and c.id in (select k.counterparty.id from Contact k join k.phones p
            where p.number like concat('%', :digits, '%')))
      order by c.name, c.id""")
  Page<Counterparty> search(@Param("q") String q, @Param("digits") String digits, Pageable pageable);

  @Query("""
      select c from Counterparty c left join c.responsible r
      where (:q = '' or lower(c.name) like lower(concat('%', :q, '%')) or c.inn like concat(:q, '%')
          or c.id in (select k.counterparty.id from Contact k where lower(k.fullName) like lower(concat('%', :q, '%')))
          or c.id in (select k.counterparty.id from Contact k join k.emails e where lower(e.email) like lower(concat('%', :q, '%')))
          or (:digits <> '' and c.id in (select k.counterparty.id from Contact k join k.phones p
              where p.number like concat('%', :digits, '%'))))
        and (r.userId = :userId or exists (select 1 from Deal d left join d.responsible dr where d.counterparty = c
             and (dr is null or dr.userId = :userId)))
      order by c.name, c.id""")
  Page<Counterparty> searchVisibleTo(@Param("q") String q, @Param("digits") String digits, @Param("userId") String userId, Pageable pageable);
}
