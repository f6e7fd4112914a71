package ru.voronka.platform.audit;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AuditRepository extends JpaRepository<AuditEntry, Long> {

  @Query("select a from AuditEntry a where a.subjectType = ?1 and a.subjectId = ?2 order by a.at")
  List<AuditEntry> findBySubject(String subjectType, String subjectId);

  @Query("select a from AuditEntry a order by a.at desc")
  Page<AuditEntry> newestFirst(Pageable pageable);
}
