package ru.voronka.whatsapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Group;
import ru.voronka.messaging.ClientMessenger;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.audit.Audit;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * WA-11, AUT-2: the WhatsApp services side by side — Wazzup, I2CRM and «Default» (the Cloud API), each
 * connected with its own account by an administrator (the credentials sealed at rest, {@link CredentialSeal}),
 * checked against the provider, disconnected. The service of {@code voronka.whatsapp.provider} (the
 * environment's, the demo's simulator) stays connected as before; a service connected here takes the place
 * of the environment's one of the same kind. {@link WhatsAppRouter} sends through the adapters kept here.
 */
@Service
@Transactional
public class WhatsAppServices {

  private static final Logger log = LoggerFactory.getLogger(WhatsAppServices.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  public static final String WAZZUP = WazzupMessenger.PROVIDER;
  public static final String I2CRM = I2crmMessenger.PROVIDER;
  public static final String CLOUD = CloudApiMessenger.PROVIDER;
  static final String SIMULATOR = SimulatedWhatsApp.PROVIDER;

  /** A credential an administrator types; a secret one is never shown back whole. */
  public record Field(String name, String title, boolean secret, boolean required, String placeholder) {}

  /** A field as the settings form shows it: a secret masked («••••ab12»), others as stored. */
  public record ShownField(String name, String title, boolean secret, boolean required, String placeholder, String value) {}

  /**
   * @param origin {@code settings} (connected on the services page), {@code environment} (by
   *     VORONKA_WHATSAPP_PROVIDER; not disconnected here) or null (not connected)
   */
  public record ServiceView(String code, String title, String description, String site, String origin, String connectedAt,
      String checkedAt, Boolean checkOk, String checkResult, List<ShownField> fields, List<WhatsAppChannels.Channel> channels) {

    public boolean connected() {
      return origin != null;
    }

    public boolean editable() {
      return !"environment".equals(origin);
    }
  }

  public record CheckResult(boolean ok, String message) {}

  private record Kind_(String title, String description, String site, List<Field> fields) {}

  private static final Map<String, Kind_> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put(WAZZUP, new Kind_("Wazzup", "«Переходник» для WhatsApp: каналы (номера) читаются из Wazzup.", "https://wazzup24.com/",
        List.of(new Field("apiKey", "API-ключ", true, true, "ключ из личного кабинета Wazzup"),
            new Field("crmKey", "Ключ вебхуков (crmKey)", true, false, "Wazzup пришлёт его в Authorization"),
            new Field("channelId", "Канал по умолчанию (channelId)", false, false, "пока Wazzup не сообщил каналы"),
            new Field("baseUrl", "Адрес API", false, false, "https://api.wazzup24.com"))));
    KINDS.put(I2CRM, new Kind_("I2CRM", "Сервис интеграции Instagram, WhatsApp и CRM-систем.", "https://i2crm.ru/",
        List.of(new Field("token", "Токен API", true, true, "токен из личного кабинета I2CRM"),
            new Field("channelId", "Канал (channel_id)", false, true, "идентификатор канала в I2CRM"),
            new Field("webhookSecret", "Секрет подписи вебхуков", true, false, "X-I2CRM-Signature"),
            new Field("baseUrl", "Адрес API", false, true, "https://…"))));
    KINDS.put(CLOUD, new Kind_("Default (WhatsApp Cloud API)", "Официальная платформа WhatsApp Business (Meta): номер — канал.",
        "https://developers.facebook.com/docs/whatsapp/cloud-api",
        List.of(new Field("accessToken", "Токен доступа (системный пользователь)", true, true, "EAAG…"),
            new Field("phoneNumberId", "Phone number ID", false, true, "цифры из WhatsApp Manager"),
            new Field("appSecret", "Секрет приложения (подпись вебхуков)", true, true, "App secret"),
            new Field("verifyToken", "Verify token вебхука", true, false, "строка для проверки подписки"),
            new Field("version", "Версия Graph API", false, false, "v21.0"),
            new Field("baseUrl", "Адрес API", false, false, "https://graph.facebook.com"))));
  }

  private record Row(String provider, String credentials, Instant connectedAt, String connectedBy, Instant checkedAt,
      Boolean checkOk, String checkResult) {}

  private record Built(Instant connectedAt, String channel, ClientMessenger adapter) {}

  private final JdbcTemplate jdbc;
  private final CredentialSeal seal;
  private final WhatsAppChannels channels;
  private final Audit audit;
  private final Clock clock;
  private final ObjectProvider<ClientMessenger> messengers;
  private final String environmentProvider;
  private final WazzupProperties wazzupEnvironment;
  private final I2crmProperties i2crmEnvironment;
  private final CloudApiProperties cloudEnvironment;
  private final TransactionTemplate transactions;
  private final Map<String, Built> built = new ConcurrentHashMap<>();
  /** The environment's service is not stored: its last check is kept here, per node. */
  private final Map<String, CheckResult> environmentChecks = new ConcurrentHashMap<>();

  WhatsAppServices(JdbcTemplate jdbc, CredentialSeal seal, WhatsAppChannels channels, Audit audit, Clock clock,
      ObjectProvider<ClientMessenger> messengers, @Value("${voronka.whatsapp.provider:journal}") String environmentProvider,
      WazzupProperties wazzupEnvironment, I2crmProperties i2crmEnvironment, CloudApiProperties cloudEnvironment,
      PlatformTransactionManager transactionManager) {
    this.transactions = new TransactionTemplate(transactionManager);
    this.jdbc = jdbc;
    this.seal = seal;
    this.channels = channels;
    this.audit = audit;
    this.clock = clock;
    this.messengers = messengers;
    this.environmentProvider = "simulator".equals(environmentProvider) ? SIMULATOR : environmentProvider;
    this.wazzupEnvironment = wazzupEnvironment;
    this.i2crmEnvironment = i2crmEnvironment;
    this.cloudEnvironment = cloudEnvironment;
  }

  public static String titleOf(String code) {
    Kind_ kind = KINDS.get(code);
    return kind != null ? kind.title() : SIMULATOR.equals(code) ? "Симулятор (демо)" : code;
  }

  /** The three services (and the demo's simulator when it runs), connected or not, with their channels. */
  @Transactional(readOnly = true)
  public List<ServiceView> all() {
    Map<String, Row> rows = rows();
    List<WhatsAppChannels.Channel> known = channels.all();
    List<ServiceView> views = new ArrayList<>();
    if (SIMULATOR.equals(environmentProvider)) {
      views.add(new ServiceView(SIMULATOR, titleOf(SIMULATOR), "Демо: клиентов играет страница /simulator/whatsapp.", null,
          "environment", null, null, null, null, List.of(), channelsOf(known, SIMULATOR)));
    }
    KINDS.forEach((code, kind) -> {
      Row row = rows.get(code);
      String origin = row != null ? "settings" : code.equals(environmentProvider) ? "environment" : null;
      CheckResult environmentCheck = row == null ? environmentChecks.get(code) : null;
      Map<String, String> values = row != null ? open(row) : Map.of();
      views.add(new ServiceView(code, kind.title(), kind.description(), kind.site(), origin,
          row == null ? null : RussianFormats.dateTime(row.connectedAt()),
          row == null || row.checkedAt() == null ? null : RussianFormats.dateTime(row.checkedAt()),
          row != null ? row.checkOk() : environmentCheck == null ? null : environmentCheck.ok(),
          row != null ? row.checkResult() : environmentCheck == null ? null : environmentCheck.message(),
          kind.fields().stream().map(f -> new ShownField(f.name(), f.title(), f.secret(), f.required(), f.placeholder(),
              f.secret() ? masked(values.get(f.name())) : values.get(f.name()))).toList(),
          origin == null ? List.of() : channelsOf(known, code)));
    });
    return views;
  }

  @Transactional(readOnly = true)
  public ServiceView get(String code) {
    return all().stream().filter(v -> v.code().equals(code)).findFirst()
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Нет такого сервиса WhatsApp: «" + code + "»"));
  }

  /** Connected here or by the environment. */
  @Transactional(readOnly = true)
  public boolean isConnected(String code) {
    return code != null && (code.equals(environmentProvider) && environmentAdapter().isPresent() || rows().containsKey(code));
  }

  /** AUT-1: the channels a send may name — of connected services, switched on and active at the provider. */
  @Transactional(readOnly = true)
  public List<WhatsAppChannels.Channel> sendingChannels() {
    Map<String, Row> rows = rows();
    return channels.all().stream().filter(WhatsAppChannels.Channel::sends)
        .filter(c -> rows.containsKey(c.provider()) || c.provider().equals(environmentProvider)).toList();
  }

  /**
   * Connects the service with these credentials (replacing the ones before; a secret left blank keeps the
   * stored one), then checks it against the provider. Every mistake of the form at once, in Russian. No
   * transaction is held while the provider answers: the credentials are committed first.
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public CheckResult connect(Viewer viewer, String code, Map<String, String> form) {
    requireAdmin(viewer);
    Kind_ kind = kindOf(code);
    Optional<Row> before = Optional.ofNullable(rows().get(code));
    Map<String, String> kept = before.map(this::open).orElse(Map.of());
    Map<String, String> values = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    for (Field field : kind.fields()) {
      String value = form.get(field.name()) == null ? "" : form.get(field.name()).strip();
      if (value.isEmpty() && field.secret() && kept.get(field.name()) != null) {
        value = kept.get(field.name());
      }
      if (value.isEmpty()) {
        if (field.required()) {
          errors.add("Заполните поле «" + field.title() + "»");
        }
        continue;
      }
      if (value.length() > 1000) {
        errors.add("Поле «" + field.title() + "» длиннее 1000 знаков");
        continue;
      }
      String problem = problem(field.name(), value);
      if (problem != null) {
        errors.add(problem);
        continue;
      }
      values.put(field.name(), value);
    }
    if (!errors.isEmpty()) {
      throw new DomainException(Kind.INVALID, String.join("; ", errors));
    }
    String sealed = seal.seal(code, json(values));
    Timestamp now = Timestamp.from(clock.instant());
    transactions.executeWithoutResult(tx -> {
      if (jdbc.update("update whatsapp_service set base_url = ?, credentials = ?, connected_at = ?, connected_by = ?, checked_at = null, "
          + "check_ok = null, check_result = null where provider = ?", values.get("baseUrl"), sealed, now, viewer.userId(), code) == 0) {
        jdbc.update("insert into whatsapp_service (provider, base_url, credentials, connected_at, connected_by) values (?, ?, ?, ?, ?)",
            code, values.get("baseUrl"), sealed, now, viewer.userId());
      }
      audit.record(viewer.userId(), before.isPresent() ? "WHATSAPP_SERVICE_CHANGED" : "WHATSAPP_SERVICE_CONNECTED",
          "whatsapp_service", code, titleOf(code));
    }); // committed before the provider is asked
    built.remove(code);
    return checkConnected(code);
  }

  /** «Проверить подключение»: asks the provider (Wazzup: its channels; Cloud API: the phone number; I2CRM: its channels). */
  @Transactional(propagation = Propagation.NOT_SUPPORTED) // no database connection held while the provider answers
  public CheckResult check(Viewer viewer, String code) {
    requireAdmin(viewer);
    kindOrSimulator(code);
    if (!isConnected(code)) {
      throw new DomainException(Kind.CONFLICT, "Сервис «" + titleOf(code) + "» не подключён");
    }
    return checkConnected(code);
  }

  /** A service connected here goes, with its channels; the environment's one is changed in the environment. */
  public void disconnect(Viewer viewer, String code) {
    requireAdmin(viewer);
    kindOrSimulator(code);
    if (!rows().containsKey(code)) {
      throw new DomainException(Kind.CONFLICT, code.equals(environmentProvider)
          ? "Сервис «" + titleOf(code) + "» подключён настройками сервера (VORONKA_WHATSAPP_PROVIDER): отключается там"
          : "Сервис «" + titleOf(code) + "» не подключён");
    }
    jdbc.update("delete from whatsapp_service where provider = ?", code);
    built.remove(code);
    if (!code.equals(environmentProvider)) {
      channels.forget(code);
    }
    audit.record(viewer.userId(), "WHATSAPP_SERVICE_DISCONNECTED", "whatsapp_service", code, titleOf(code));
  }

  /** A channel of a connected service switched on or off by an administrator. */
  public void switchChannel(Viewer viewer, Long channelId, boolean on) {
    channels.switchOn(viewer, channelId, on);
  }

  /**
   * The adapter of a connected service (built from its sealed credentials; the environment's bean for the
   * environment's service) — for this channel when the service holds one channel per account (I2CRM).
   */
  @Transactional(readOnly = true)
  public Optional<ClientMessenger> adapter(String code, String channel) {
    if (code == null) {
      return Optional.empty();
    }
    Row row = rows().get(code);
    if (row == null) {
      return code.equals(environmentProvider) ? environmentAdapter() : Optional.empty();
    }
    String channelKey = I2CRM.equals(code) ? channel : null;
    Built cached = built.get(code + "|" + channelKey);
    if (cached != null && cached.connectedAt().equals(row.connectedAt())) {
      return Optional.of(cached.adapter());
    }
    ClientMessenger adapter = build(code, open(row), channelKey);
    built.put(code + "|" + channelKey, new Built(row.connectedAt(), channelKey, adapter));
    return Optional.of(adapter);
  }

  /**
   * The service a message goes through when nothing names one: the environment's first (as before
   * services could be connected), then those connected here, the earliest first; empty with none.
   */
  @Transactional(readOnly = true)
  public Optional<String> firstConnected() {
    if (environmentAdapter().isPresent() && (KINDS.containsKey(environmentProvider) || SIMULATOR.equals(environmentProvider))) {
      return Optional.of(environmentProvider);
    }
    return rows().values().stream().sorted(java.util.Comparator.comparing(Row::connectedAt)).map(Row::provider).findFirst();
  }

  /** The environment's messenger when it is no service (journal): it refuses with its own reason. */
  Optional<ClientMessenger> environmentFallback() {
    return environmentAdapter();
  }

  /** Wazzup's adapter, when Wazzup is connected: its channels are read every ten minutes. */
  Optional<WazzupMessenger> wazzup() {
    return adapter(WAZZUP, null).filter(WazzupMessenger.class::isInstance).map(WazzupMessenger.class::cast);
  }

  /** The values of one credential of a service, the environment's and the stored one (webhooks accept either). */
  @Transactional(readOnly = true)
  public List<String> credentialValues(String code, String name) {
    List<String> values = new ArrayList<>();
    String environment = switch (code + "." + name) {
      case "wazzup.crmKey" -> wazzupEnvironment.crmKey();
      case "cloud.appSecret" -> cloudEnvironment.appSecret();
      case "cloud.verifyToken" -> cloudEnvironment.verifyToken();
      case "i2crm.webhookSecret" -> i2crmEnvironment.webhookSecret();
      default -> null;
    };
    if (environment != null && !environment.isBlank()) {
      values.add(environment);
    }
    Row row = rows().get(code);
    if (row != null) {
      try {
        String stored = open(row).get(name);
        if (stored != null && !stored.isBlank()) {
          values.add(stored);
        }
      } catch (IllegalStateException e) { // another key: the environment's secret may still prove the delivery
        log.error("WhatsApp service {}: {}", code, e.getMessage());
      }
    }
    return values;
  }

  // --- the provider's side -------------------------------------------------------------------------

  private CheckResult checkConnected(String code) {
    ClientMessenger adapter = adapter(code, null).orElseThrow(() ->
        new DomainException(Kind.CONFLICT, "Сервис «" + titleOf(code) + "» не подключён"));
    CheckResult result;
    try {
      if (adapter instanceof WazzupMessenger wazzup) {
        var reported = wazzup.channels();
        reported.forEach(c -> channels.reported(WAZZUP, c.channelId(), c.phone(), c.state()));
        long active = reported.stream().filter(c -> "active".equals(c.state())).count();
        result = new CheckResult(true, "Подключено: каналов WhatsApp в Wazzup — " + reported.size() + ", активных — " + active);
      } else if (adapter instanceof CloudApiMessenger cloud) {
        ProviderChannel number = cloud.phoneNumber();
        channels.reported(CLOUD, number.ref(), number.phone(), number.state());
        boolean active = "active".equals(number.state());
        result = new CheckResult(active, "Подключено: номер " + (number.phone() == null ? number.ref() : number.phone())
            + (number.name() == null ? "" : " («" + number.name() + "»)") + (active ? "" : ", состояние у Meta: " + number.state()));
      } else if (adapter instanceof I2crmMessenger i2crm) {
        List<ProviderChannel> reported = i2crm.channels();
        reported.forEach(c -> channels.reported(I2CRM, c.ref(), c.phone(), c.state()));
        long active = reported.stream().filter(c -> "active".equals(c.state())).count();
        result = new CheckResult(true, "Подключено: каналов в I2CRM — " + reported.size() + ", активных — " + active);
      } else if (adapter instanceof SimulatedWhatsApp) {
        result = new CheckResult(true, "Симулятор отвечает");
      } else {
        result = new CheckResult(false, "Этот сервис проверить нельзя");
      }
    } catch (RestClientResponseException e) {
      int status = e.getStatusCode().value();
      result = new CheckResult(false, (status == 401 || status == 403 ? "Ключ не подошёл" : "Провайдер отказал") + " (HTTP " + status + ")"
          + (e.getResponseBodyAsString().isBlank() ? "" : ": " + cut(e.getResponseBodyAsString(), 200)));
    } catch (ResourceAccessException e) {
      result = new CheckResult(false, unreachable(e));
    } catch (RestClientException e) {
      result = new CheckResult(false, "Ответ провайдера не прочитан: " + cut(String.valueOf(e.getMessage()), 200));
    }
    if (rows().containsKey(code)) {
      jdbc.update("update whatsapp_service set checked_at = ?, check_ok = ?, check_result = ? where provider = ?",
          Timestamp.from(clock.instant()), result.ok(), cut(result.message(), 500), code);
    } else {
      environmentChecks.put(code, result);
    }
    log.info("WhatsApp service {} checked: {}", code, result.message());
    return result;
  }

  /** Why the provider could not be reached, in the administrator's words: which address, and what happened. */
  static String unreachable(ResourceAccessException e) {
    java.util.regex.Matcher url = java.util.regex.Pattern.compile("\"(https?://[^/\"]+)").matcher(String.valueOf(e.getMessage()));
    String where = url.find() ? " с " + url.group(1) : "";
    for (Throwable cause = e; cause != null; cause = cause.getCause()) { // the outermost known kind says it best
      String what = cause instanceof java.net.UnknownHostException ? "адрес не найден (DNS) — проверьте адрес API и выход сервера в интернет"
          : cause instanceof java.net.ConnectException ? "соединение не установлено — сервер провайдера не принимает подключения или их не пропускает сеть"
          : cause instanceof java.net.SocketTimeoutException || cause instanceof java.net.http.HttpTimeoutException ? "провайдер не ответил вовремя"
          : cause instanceof javax.net.ssl.SSLException ? "ошибка защищённого соединения (TLS)"
          : null;
      if (what != null) {
        return "Нет связи" + where + ": " + what;
      }
    }
    return "Нет связи" + where + ": сбой связи (" + e.getMostSpecificCause().getClass().getSimpleName() + ")";
  }

  private ClientMessenger build(String code, Map<String, String> values, String channel) {
    return switch (code) {
      case WAZZUP -> new WazzupMessenger(new WazzupProperties(values.get("baseUrl"), values.get("apiKey"), values.get("crmKey"),
          values.get("channelId")), channels);
      case CLOUD -> new CloudApiMessenger(new CloudApiProperties(values.get("baseUrl"), values.get("version"), values.get("phoneNumberId"),
          values.get("accessToken"), values.get("appSecret"), values.get("verifyToken")));
      case I2CRM -> new I2crmMessenger(new I2crmProperties(values.get("baseUrl"), values.get("token"),
          channel != null && channels.sends(I2CRM, channel) ? channel : values.get("channelId"), values.get("webhookSecret")));
      default -> throw new IllegalStateException("Unknown WhatsApp service " + code);
    };
  }

  /** The environment's own messenger bean — the router excluded. */
  private Optional<ClientMessenger> environmentAdapter() {
    return messengers.stream().filter(m -> !(m instanceof WhatsAppRouter)).findFirst();
  }

  // --- storage ---------------------------------------------------------------------------------------

  private Map<String, Row> rows() {
    Map<String, Row> rows = new LinkedHashMap<>();
    jdbc.query("select provider, credentials, connected_at, connected_by, checked_at, check_ok, check_result from whatsapp_service",
        rs -> {
          Timestamp checked = rs.getTimestamp(5);
          rows.put(rs.getString(1), new Row(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
              checked == null ? null : checked.toInstant(), (Boolean) rs.getObject(6), rs.getString(7)));
        });
    return rows;
  }

  private Map<String, String> open(Row row) {
    try {
      return JSON.readValue(seal.open(row.provider(), row.credentials()), new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The credentials of " + row.provider() + " are not readable", e);
    }
  }

  private static String json(Map<String, String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- checks ----------------------------------------------------------------------------------------

  private static String problem(String field, String value) {
    return switch (field) {
      case "baseUrl" -> {
        try {
          URI uri = URI.create(value);
          yield ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null ? null
              : "Адрес API — ссылка вида https://…";
        } catch (IllegalArgumentException e) {
          yield "Адрес API — ссылка вида https://…";
        }
      }
      case "phoneNumberId" -> value.matches("\\d{5,30}") ? null : "Phone number ID — только цифры (из WhatsApp Manager)";
      case "version" -> value.matches("v\\d{1,3}\\.\\d{1,3}") ? null : "Версия Graph API — вида v21.0";
      default -> value.chars().anyMatch(Character::isWhitespace) ? "В поле «" + titleOfField(field) + "» не должно быть пробелов" : null;
    };
  }

  private static String titleOfField(String name) {
    return KINDS.values().stream().flatMap(k -> k.fields().stream()).filter(f -> f.name().equals(name)).map(Field::title)
        .findFirst().orElse(name);
  }

  private static List<WhatsAppChannels.Channel> channelsOf(List<WhatsAppChannels.Channel> known, String code) {
    return known.stream().filter(c -> c.provider().equals(code)).toList();
  }

  /** «••••ab12»: the last four characters of a long secret, nothing of a short one. */
  static String masked(String secret) {
    if (secret == null || secret.isEmpty()) {
      return null;
    }
    return secret.length() >= 16 ? "••••" + secret.substring(secret.length() - 4) : "••••";
  }

  private static Kind_ kindOf(String code) {
    Kind_ kind = code == null ? null : KINDS.get(code);
    if (kind == null) {
      throw new DomainException(Kind.NOT_FOUND, "Нет такого сервиса WhatsApp: «" + code + "» (wazzup, i2crm или cloud)");
    }
    return kind;
  }

  private static void kindOrSimulator(String code) {
    if (!SIMULATOR.equals(code)) {
      kindOf(code);
    }
  }

  static void requireAdmin(Viewer viewer) {
    if (!viewer.groups().contains(Group.ADMINS)) {
      throw new DomainException(Kind.FORBIDDEN, "Сервисы WhatsApp подключает администратор");
    }
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
