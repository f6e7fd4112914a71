package ru.voronka.whatsapp;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealCreated;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.DealWork;
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

  private static final Logger log = LoggerFactory.getLogger(DealGroups.class);

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
    runtime.startProcessInstanceByKey(PROCESS, DealWork.businessKey(event.dealId()), Map.of("dealId", event.dealId()));
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

  /** What the provider answered about a group: made, or refused with the reason. */
  public record Answer(boolean created, String error) {}

  /**
   * The provider's {@code group_create} webhook. A repeat changes nothing. An answer to a request no
   * deal is known to have made — the job that asked has not committed yet, or it is none of ours —
   * is kept, never refused: the job takes it when its request is recorded ({@link #earlyAnswer}),
   * and the webhook looks once more after keeping it ({@link #takeKeptAnswer}).
   */
  public void answered(String requestId, String groupId, String inviteLink, String error) {
    Optional<ProviderGroup> group = byRequest(requestId);
    if (group.isEmpty()) {
      jdbc.update("""
          insert into provider_group_answer (request_id, group_id, invite_link, error, received_at)
          select ?, ?, ?, ?, ? where not exists (select 1 from provider_group_answer where request_id = ?)""",
          requestId, groupId, inviteLink, error == null ? null : truncate(error), Timestamp.from(clock.instant()), requestId);
      log.info("Provider group answer for request {} that no deal is known to have made: kept", requestId);
      return;
    }
    if (group.get().state() == State.REQUESTED) {
      Answer answer = record(requestId, groupId, inviteLink, error);
      runtime.createMessageCorrelation(ANSWERED).processInstanceVariableEquals("dealId", group.get().dealId())
          .setVariable("groupCreated", answer.created()).setVariable("groupError", answer.error()).correlateAllWithResult();
    }
  }

  /** After a kept answer is committed: its request may have been recorded meanwhile, waiting for it. */
  public void takeKeptAnswer(String requestId) {
    if (byRequest(requestId).map(g -> g.state() == State.REQUESTED).orElse(false)) {
      keptAnswer(requestId).ifPresent(kept -> answered(requestId, kept.groupId(), kept.inviteLink(), kept.error()));
    }
  }

  /** «Запросить группу у провайдера», once the request is recorded: its answer, if it came first. */
  Optional<Answer> earlyAnswer(String requestId) {
    return keptAnswer(requestId).map(kept -> record(requestId, kept.groupId(), kept.inviteLink(), kept.error()));
  }

  private record KeptAnswer(String groupId, String inviteLink, String error) {}

  /** Taken once: whoever deletes the kept row applies it. */
  private Optional<KeptAnswer> keptAnswer(String requestId) {
    List<KeptAnswer> kept = jdbc.query("select group_id, invite_link, error from provider_group_answer where request_id = ?",
        (rs, i) -> new KeptAnswer(rs.getString(1), rs.getString(2), rs.getString(3)), requestId);
    if (kept.isEmpty() || jdbc.update("delete from provider_group_answer where request_id = ?", requestId) == 0) {
      return Optional.empty();
    }
    return Optional.of(kept.get(0));
  }

  private Answer record(String requestId, String groupId, String inviteLink, String error) {
    boolean created = error == null && groupId != null && !groupId.isBlank();
    jdbc.update("update provider_group set group_id = ?, invite_link = ?, state = ?, error = ?, updated_at = ? where request_id = ?",
        created ? groupId : null, created ? inviteLink : null, created ? State.CREATED.name() : State.REQUESTED.name(),
        created ? null : error, Timestamp.from(clock.instant()), requestId);
    return new Answer(created, created ? null : error);
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
