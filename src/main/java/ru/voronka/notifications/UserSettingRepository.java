package ru.voronka.notifications;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserSettingRepository extends JpaRepository<UserSetting, String> {

  /** Conditional, so that of several nodes only one reminds a user per interval. */
  @Modifying
  @Query("update UserSetting s set s.remindedAt = ?2 where s.userId = ?1 and (s.remindedAt is null or s.remindedAt <= ?3)")
  int claimReminder(String userId, Instant now, Instant dueBefore);
}
