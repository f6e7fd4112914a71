package ru.voronka.directory;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Queries are JPQL strings: Hibernate 6 caches their plans, while derived (criteria) queries are re-translated on every call. */
public interface EmployeeRepository extends JpaRepository<Employee, Long> {

  @Query("select e from Employee e where e.userId = ?1")
  Optional<Employee> findByUserId(String userId);

  Optional<Employee> findByExtension(String extension);

  @Query("select e from Employee e where e.mobilePhone = ?1 and e.active = true order by e.id")
  List<Employee> findByMobilePhone(String e164);

  @Query("select e from Employee e where e.userId in ?1")
  List<Employee> findByUserIdIn(List<String> userIds);

  /** Current employees with their position and department, by name: for pickers and lists. */
  @Query("select e from Employee e left join fetch e.position left join fetch e.department where e.active = true order by e.fullName")
  List<Employee> findActive();
}
