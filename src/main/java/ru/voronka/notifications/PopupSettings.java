package ru.voronka.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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

  PopupSettings(UserSettingRepository settings) {
    this.settings = settings;
  }

  @Transactional(readOnly = true)
  public int minutes(String userId) {
    return settings.findById(userId).map(UserSetting::getPopupMinutes).orElse(DEFAULT_MINUTES);
  }

  @Transactional(readOnly = true)
  public Map<String, Integer> minutes(Collection<String> userIds) {
    Map<String, Integer> result = new HashMap<>();
    userIds.forEach(id -> result.put(id, DEFAULT_MINUTES));
    if (!userIds.isEmpty()) {
      settings.findAllByUserIdIn(userIds).forEach(s -> result.put(s.getUserId(), s.getPopupMinutes()));
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
