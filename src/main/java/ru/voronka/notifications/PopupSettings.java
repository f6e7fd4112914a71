package ru.voronka.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.sql.ResultSet;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * COM-4's setting, per user: how often unread client messages pop up again, in minutes; 0 turns
 * pop-ups off (messages still arrive in the chats). Users who never set it get the default.
 */
@Service
@Transactional
public class PopupSettings {

  public static final int DEFAULT_MINUTES = 5;
  private static final int MAX_MINUTES = 24 * 60;

  private final UserSettingRepository settings;
  private final NamedParameterJdbcTemplate jdbc;

  PopupSettings(UserSettingRepository settings, NamedParameterJdbcTemplate jdbc) {
    this.settings = settings;
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public int minutes(String userId) {
    return settings.findById(userId).map(UserSetting::getPopupMinutes).orElse(DEFAULT_MINUTES);
  }

  /** Plain SQL: an IN list of varying length would make Hibernate translate the query anew each time. */
  @Transactional(readOnly = true)
  public Map<String, Integer> minutes(Collection<String> userIds) {
    Map<String, Integer> result = new HashMap<>();
    userIds.forEach(id -> result.put(id, DEFAULT_MINUTES));
    if (!userIds.isEmpty()) {
      jdbc.query("select user_id, popup_minutes from user_setting where user_id in (:ids)", Map.of("ids", userIds),
          (ResultSet rs) -> {
            while (rs.next()) {
              result.put(rs.getString(1), rs.getInt(2));
            }
            return null;
          });
    }
    return result;
  }

  public void setMinutes(String userId, Integer minutes) {
    if (minutes == null || minutes < 0 || minutes > MAX_MINUTES) {
      throw new DomainException(Kind.INVALID, "Интервал напоминаний — от 0 до " + MAX_MINUTES + " минут (0 — без всплывающих окон)");
    }
    settings.findById(userId).orElseGet(() -> settings.save(new UserSetting(userId, minutes))).setPopupMinutes(minutes);
  }

  /** True for the one caller (of all nodes) that may remind the user now. */
  public boolean claimReminder(String userId, Instant now) {
    int minutes = minutes(userId);
    if (minutes == 0) {
      return false;
    }
    if (settings.findById(userId).isEmpty()) {
      settings.saveAndFlush(new UserSetting(userId, minutes));
    }
    return settings.claimReminder(userId, now, now.minus(Duration.ofMinutes(minutes))) == 1;
  }
}
