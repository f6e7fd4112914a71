package ru.voronka.whatsapp;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealCreated;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.process.DealProcesses;
import ru.voronka.messaging.ClientGroups;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * WA-3 with a provider that holds groups ({@link GroupProvider}): a new deal's client group is
 * asked for at the provider by «Создание группы сделки у провайдера», and once the provider reports
 * it, the client chat's messages go to that group and its invite link is the deal's QR code. Without
 * such a provider, or when it refuses, the group is relayed by Voronka alone.
 */
@Service
@Transactional
public class DealGroups implements ClientGroups {

  static final String PROCESS = "providerGroupCreation";
  static final String ANSWERED = "ProviderGroupAnswered";

  public enum State { REQUESTING, REQUESTED, CREATED, RELAYED }

  public record ProviderGroup(long dealId, String provider, String requestId, String groupId, String inviteLink,
      State state, String error) {}

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final DealRepository deals;
  private final ObjectProvider<GroupProvider> provider;
  private final GroupJoinLinks joinLinks;

  private final Clock clock;

  DealGroups(JdbcTemplate jdbc, RuntimeService runtime, DealRepository deals, ObjectProvider<GroupProvider> provider,
      GroupJoinLinks joinLinks, Clock clock) {
    this.clock = clock;
    this.joinLinks = joinLinks;
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.deals = deals;
    this.provider = provider;
  }

  /** In the deal's own transaction: the row and the process start with it; the provider is called by a job. */
  @EventListener
  public void dealCreated(DealCreated event) {
    GroupProvider groups = provider.getIfAvailable();
    if (groups == null) {
      return;
    }
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update("insert into provider_group (deal_id, provider, state, created_at, updated_at) values (?, ?, ?, ?, ?)",
        event.dealId(), groups.name(), State.REQUESTING.name(), now, now);
    runtime.startProcessInstanceByKey(PROCESS, DealProcesses.businessKey(event.dealId()), Map.of("dealId", event.dealId()));
  }

  /** «Запросить группу у провайдера»: returns the provider's request id. */
  String request(long dealId) {
    Deal deal = deals.findById(dealId).orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Сделка №" + dealId + " не найдена"));
    String client = deal.getCounterparty() == null ? "" : deal.getCounterparty().getName() + " — ";
    String requestId = provider.getObject().createGroup(client + deal.getTitle(),
        "Группа сделки №" + dealId + ": пишите сюда, менеджер ответит.");
    jdbc.update("update provider_group set request_id = ?, state = ?, updated_at = ? where deal_id = ?",
        requestId, State.REQUESTED.name(), Timestamp.from(clock.instant()), dealId);
    return requestId;
  }

  /**
   * The provider's {@code group_create} webhook. A repeat changes nothing.
   *
   * @return false when no deal asked for this request (yet): the caller answers so that the
   *     provider delivers it again — the job that asked may not have committed
   */
  public boolean answered(String requestId, String groupId, String inviteLink, String error) {
    Optional<ProviderGroup> group = byRequest(requestId);
    if (group.isEmpty()) {
      return false;
    }
    if (group.get().state() != State.REQUESTED) {
      return true;
    }
    boolean created = error == null && groupId != null && !groupId.isBlank();
    jdbc.update("update provider_group set group_id = ?, invite_link = ?, state = ?, error = ?, updated_at = ? where request_id = ?",
        created ? groupId : null, created ? inviteLink : null, created ? State.CREATED.name() : State.REQUESTED.name(),
        created ? null : error, Timestamp.from(clock.instant()), requestId);
    runtime.createMessageCorrelation(ANSWERED).processInstanceVariableEquals("dealId", group.get().dealId())
        .setVariable("groupCreated", created).setVariable("groupError", created ? null : error).correlateAllWithResult();
    return true;
  }

  /** WA-10 at the provider: the join request is granted. */
  public void approveJoin(String groupId, String joinRequestId) {
    provider.getObject().approveJoin(groupId, joinRequestId);
  }

  public void rejectJoin(String groupId, String joinRequestId) {
    provider.getObject().rejectJoin(groupId, joinRequestId);
  }

  /** «Оставить группу в Voronka». */
  void keepRelayed(long dealId, String reason) {
    jdbc.update("update provider_group set state = ?, error = ?, updated_at = ? where deal_id = ? and state <> ?",
        State.RELAYED.name(), reason == null ? "Провайдер не ответил" : truncate(reason), Timestamp.from(clock.instant()),
        dealId, State.CREATED.name());
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<String> groupOf(long dealId) {
    return created(dealId).map(ProviderGroup::groupId);
  }

  /**
   * The link a client's QR code opens (WA-10): the provider's invite link when it holds the group
   * (created with approval required), else Voronka's signed wa.me join code.
   */
  @Transactional(readOnly = true)
  public String joinLink(long dealId) {
    return created(dealId).map(ProviderGroup::inviteLink).filter(link -> link != null && !link.isBlank())
        .orElseGet(() -> joinLinks.link(dealId));
  }

  @Transactional(readOnly = true)
  public Optional<ProviderGroup> of(long dealId) {
    return one("deal_id = ?", dealId);
  }

  @Transactional(readOnly = true)
  public Optional<ProviderGroup> byGroupId(String groupId) {
    return one("group_id = ?", groupId);
  }

  private Optional<ProviderGroup> created(long dealId) {
    GroupProvider groups = provider.getIfAvailable();
    return of(dealId).filter(g -> g.state() == State.CREATED && groups != null && groups.name().equals(g.provider()));
  }

  private Optional<ProviderGroup> byRequest(String requestId) {
    return one("request_id = ?", requestId);
  }

  private Optional<ProviderGroup> one(String where, Object key) {
    List<ProviderGroup> found = jdbc.query("select deal_id, provider, request_id, group_id, invite_link, state, error"
        + " from provider_group where " + where, (rs, i) -> new ProviderGroup(rs.getLong(1), rs.getString(2), rs.getString(3),
        rs.getString(4), rs.getString(5), State.valueOf(rs.getString(6)), rs.getString(7)), key);
    return found.stream().findFirst();
  }

  private static String truncate(String text) {
    return text.length() <= 1000 ? text : text.substring(0, 1000);
  }
}
