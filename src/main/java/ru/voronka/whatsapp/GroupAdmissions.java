package ru.voronka.whatsapp;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.deals.Deal;
import ru.voronka.deals.process.DealProcesses;

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

  GroupAdmissions(JdbcTemplate jdbc, RuntimeService runtime) {
    this.jdbc = jdbc;
    this.runtime = runtime;
  }

  @Transactional(readOnly = true)
  public boolean isAdmitted(long dealId, String phone) {
    return jdbc.queryForObject("select count(*) from group_admission where deal_id = ? and phone = ?", Long.class,
        dealId, phone) > 0;
  }

  public void admit(long dealId, String phone, String by) {
    if (!isAdmitted(dealId, phone)) {
      jdbc.update("insert into group_admission (deal_id, phone, admitted_at, admitted_by) values (?, ?, ?, ?)",
          dealId, phone, Timestamp.from(Instant.now()), by);
    }
  }

  /** One open request per number and deal: asking again while it waits adds nothing. */
  public boolean request(Deal deal, String phone, String clientName) {
    boolean waiting = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
        .processInstanceBusinessKey(DealProcesses.businessKey(deal.getId())).variableValueEquals("phone", phone).count() > 0;
    if (waiting) {
      return false;
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("dealId", deal.getId());
    variables.put("title", deal.getTitle());
    variables.put("phone", phone);
    variables.put("clientName", clientName);
    variables.put("responsible", deal.getResponsibleUserId());
    runtime.startProcessInstanceByKey(PROCESS, DealProcesses.businessKey(deal.getId()), variables);
    return true;
  }
}
