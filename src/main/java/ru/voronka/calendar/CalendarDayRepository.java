package ru.voronka.calendar;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Queries are JPQL strings: Hibernate 6 caches their plans, while derived (criteria) queries are re-translated on every call. */
interface CalendarDayRepository extends JpaRepository<CalendarDay, LocalDate> {

  @Query("select d from CalendarDay d where d.day between ?1 and ?2 order by d.day")
  List<CalendarDay> findByDayBetweenOrderByDay(LocalDate from, LocalDate to);
}
