package ru.voronka.chat;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import ru.voronka.directory.Employee;

interface UnassignedRecipientRepository extends JpaRepository<UnassignedRecipient, Long> {

  @Query("select u.employee from UnassignedRecipient u order by u.employee.fullName")
  List<Employee> employees();

  @Query("select u from UnassignedRecipient u where u.employee.id = ?1")
  Optional<UnassignedRecipient> findByEmployee(Long employeeId);
}
