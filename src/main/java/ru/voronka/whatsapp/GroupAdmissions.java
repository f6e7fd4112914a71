package ru.voronka.whatsapp;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealWork;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.PhoneNumbers;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.audit.Audit;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * WA-10: which numbers are in a deal's client group. A number is admitted by the responsible's
 * decision in «Запрос на вступление в группу сделки»; once admitted, its later joins are accepted
 * at once.
 */
@Service
@Transactional
public class GroupAdmissions {

  static final String PROCESS = "groupJoinRequest";

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final Audit audit;

  private final Clock clock;

  GroupAdmissions(JdbcTemplate jdbc, RuntimeService runtime, Audit audit, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public boolean isAdmitted(long dealId, String phone) {
    return jdbc.queryForObject("select count(*) from group_admission where deal_id = ? and phone = ?", Long.class,
        dealId, phone) > 0;
  }

  public void admit(long dealId, String phone, String by) {
    if (!isAdmitted(dealId, phone)) {
      jdbc.update("insert into group_admission (deal_id, phone, admitted_at, admitted_by) values (?, ?, ?, ?)",
          dealId, phone, Timestamp.from(clock.instant()), by);
    }
  }

  public record Admitted(String phone, String admittedAt, String admittedBy) {}

  @Transactional(readOnly = true)
  public List<Admitted> admitted(long dealId) {
    return jdbc.query("select phone, admitted_at, admitted_by from group_admission where deal_id = ? order by admitted_at",
        (rs, i) -> new Admitted(rs.getString(1), RussianFormats.dateTime(rs.getTimestamp(2).toInstant()), rs.getString(3)), dealId);
  }

  /** WA-3: the responsible adds one of the counterparty's numbers to the deal's client group by hand. */
  public void admitByHand(Deal deal, String phone, Viewer viewer) {
    requireManager(deal, viewer);
    String number = PhoneNumbers.normalize(phone);
    boolean theirs = deal.getCounterparty() != null && deal.getCounterparty().hasNumber(number);
    if (!theirs) {
      throw new DomainException(Kind.INVALID, "В группу сделки добавляют номера из карточки контрагента; «" + phone + "» там нет");
    }
    admit(deal.getId(), number, viewer.userId());
    audit.record(viewer.userId(), "GROUP_NUMBER_ADDED", "deal", deal.getId(), number);
  }

  public void removeByHand(Deal deal, String phone, Viewer viewer) {
    requireManager(deal, viewer);
    if (jdbc.update("delete from group_admission where deal_id = ? and phone = ?", deal.getId(), phone) > 0) {
      audit.record(viewer.userId(), "GROUP_NUMBER_REMOVED", "deal", deal.getId(), phone);
    }
  }

  private static void requireManager(Deal deal, Viewer viewer) {
    if (!viewer.mayManage(deal)) {
      throw new DomainException(Kind.FORBIDDEN, "Состав группы сделки меняет её ответственный или РОП");
    }
  }

  /** One open request per number and deal: asking again while it waits adds nothing. */
  public boolean request(Deal deal, String phone, String clientName) {
    return request(deal, phone, clientName, null, null);
  }

  /** A join request the provider holds ({@code joinRequestId} in its group): the decision goes back to it. */
  public boolean request(Deal deal, String phone, String clientName, String groupId, String joinRequestId) {
    boolean waiting = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
        .processInstanceBusinessKey(DealWork.businessKey(deal.getId())).variableValueEquals("phone", phone).count() > 0;
    if (waiting) {
      return false;
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("dealId", deal.getId());
    variables.put("title", deal.getTitle());
    variables.put("phone", phone);
    variables.put("clientName", clientName);
    variables.put("responsible", deal.getResponsibleUserId());
    variables.put("groupId", groupId);
    variables.put("joinRequestId", joinRequestId);
    runtime.startProcessInstanceByKey(PROCESS, DealWork.businessKey(deal.getId()), variables);
    return true;
  }
}
