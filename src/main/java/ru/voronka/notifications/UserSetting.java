package ru.voronka.notifications;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
class UserSetting {

  @Id
  private String userId;

  private int popupMinutes;
  private Instant remindedAt;

  protected UserSetting() {}

  UserSetting(String userId, int popupMinutes) {
    this.userId = userId;
    this.popupMinutes = popupMinutes;
  }

  String getUserId() {
    return userId;
  }

  int getPopupMinutes() {
    return popupMinutes;
  }

  void setPopupMinutes(int popupMinutes) {
    this.popupMinutes = popupMinutes;
  }
}
