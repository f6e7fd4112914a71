package ru.voronka.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class RecentLoginsTest {

  private final MutableClock clock = new MutableClock();
  private final RecentLogins logins = new RecentLogins(clock);
  private final Authentication petrov = UsernamePasswordAuthenticationToken.authenticated("petrov", null, List.of());

  @Test
  void a_login_is_remembered_only_with_the_same_password() {
    logins.remember("petrov", "demo", petrov);

    assertThat(logins.find("petrov", "demo")).contains(petrov);
    assertThat(logins.find("petrov", "wrong")).isEmpty();
    assertThat(logins.find("sidorova", "demo")).isEmpty();
  }

  @Test
  void a_login_is_forgotten_after_the_ttl_so_a_changed_password_or_group_takes_effect() {
    logins.remember("petrov", "demo", petrov);

    clock.now = clock.now.plus(RecentLogins.TTL).plusSeconds(1);

    assertThat(logins.find("petrov", "demo")).isEmpty();
  }

  @Test
  void user_and_password_cannot_be_shifted_into_each_other() {
    logins.remember("petro", "vdemo", petrov);

    assertThat(logins.find("petrov", "demo")).isEmpty();
  }

  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-11-23T09:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
