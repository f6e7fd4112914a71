package ru.voronka.directory;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EmployeeRepository extends JpaRepository<Employee, Long> {

  Optional<Employee> findByUserId(String userId);

  List<Employee> findByUserIdIn(List<String> userIds);
}
