package ru.voronka.whatsapp;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Group;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.audit.Audit;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * WA-11: the providers' channels (sender numbers), kept in step with the provider where it tells
 * (Wazzup's {@code GET /v3/channels}) and switched on or off by an administrator. A channel the
 * provider reports in any state but {@code active} cannot send, whatever the switch says.
 */
@Service
@Transactional
public class WhatsAppChannels {

  public record Channel(Long id, String provider, String ref, String phone, String state, boolean active, String updatedAt) {

    public boolean sends() {
      return active && "active".equals(state);
    }

    public String providerTitle() {
      return switch (provider) {
        case "wazzup" -> "Wazzup";
        case "i2crm" -> "I2CRM";
        case "cloud" -> "Default (WhatsApp Cloud API)";
        case "sim" -> "Симулятор (демо)";
        default -> provider;
      };
    }

    /** Wazzup's states in Russian; one it adds later is shown as it comes. */
    public String stateTitle() {
      return switch (state) {
        case "active" -> "активен";
        case "init" -> "запускается";
        case "disabled" -> "отключён у провайдера";
        case "phoneUnavailable" -> "телефон недоступен";
        case "qr" -> "ждёт сканирования QR-кода";
        case "openElsewhere" -> "открыт на другом устройстве";
        case "notEnoughMoney" -> "недостаточно средств";
        case "foreignphone" -> "чужой номер";
        case "unauthorized" -> "не авторизован";
        case "waitForPassword" -> "ждёт пароля";
        default -> state;
      };
    }
  }

  private final JdbcTemplate jdbc;
  private final Audit audit;

  private final Clock clock;

  WhatsAppChannels(JdbcTemplate jdbc, Audit audit, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public List<Channel> all() {
    return jdbc.query("select id, provider, channel_ref, phone, state, active, updated_at from whatsapp_channel order by provider, phone",
        (rs, i) -> new Channel(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getBoolean(6), RussianFormats.dateTime(rs.getTimestamp(7).toInstant())));
  }

  /**
   * The channel a provider sends through: the first it reported active and an administrator left
   * on; {@code unreported} while it has reported none yet. Empty when it reported some and none may
   * send: the message waits for a retry.
   */
  @Transactional(readOnly = true)
  public Optional<String> sendingChannel(String provider, String unreported) {
    List<Channel> reported = all().stream().filter(c -> c.provider().equals(provider)).toList();
    return reported.isEmpty() ? Optional.ofNullable(unreported)
        : reported.stream().filter(Channel::sends).map(Channel::ref).findFirst();
  }

  /** This provider's channel is known, switched on and active at the provider. */
  @Transactional(readOnly = true)
  public boolean sends(String provider, String ref) {
    return all().stream().anyMatch(c -> c.provider().equals(provider) && c.ref().equals(ref) && c.sends());
  }

  /** A service was disconnected: its channels go with it (a new connection reads them anew). */
  public void forget(String provider) {
    jdbc.update("delete from whatsapp_channel where provider = ?", provider);
  }

  /**
   * A provider reported its channel (a list it was asked for, or a webhook of a state change): added
   * switched on when new, its state updated otherwise; a report without the number keeps the one known.
   */
  public void reported(String provider, String ref, String phone, String state) {
    int updated = jdbc.update("update whatsapp_channel set phone = coalesce(?, phone), state = ?, updated_at = ? where provider = ? and channel_ref = ?",
        phone, state, Timestamp.from(clock.instant()), provider, ref);
    if (updated == 0) {
      jdbc.update("insert into whatsapp_channel (provider, channel_ref, phone, state, active, updated_at) values (?, ?, ?, ?, true, ?)",
          provider, ref, phone, state, Timestamp.from(clock.instant()));
    }
  }

  public void switchOn(Viewer viewer, Long id, boolean on) {
    if (!viewer.groups().contains(Group.ADMINS)) {
      throw new DomainException(Kind.FORBIDDEN, "Каналы включает и выключает администратор");
    }
    if (jdbc.update("update whatsapp_channel set active = ?, updated_at = ? where id = ?", on, Timestamp.from(clock.instant()), id) == 0) {
      throw new DomainException(Kind.NOT_FOUND, "Канал №" + id + " не найден");
    }
    audit.record(viewer.userId(), on ? "WHATSAPP_CHANNEL_ON" : "WHATSAPP_CHANNEL_OFF", "whatsapp_channel", id, null);
  }
}
