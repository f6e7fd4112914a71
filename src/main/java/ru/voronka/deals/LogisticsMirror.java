package ru.voronka.deals;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import ru.voronka.platform.time.CreatedAndUpdated;

/** A logistics task of a deal and its twin in 1C (FUN-3, FUN-7, ONE-2). */
@Entity
@Table(name = "logistics_mirror")
public class LogisticsMirror extends CreatedAndUpdated {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long dealId;
  private String processInstanceId;
  private String taskKey;
  private String onecRef;
  private String status;
  private boolean executed;

  protected LogisticsMirror() {}

  LogisticsMirror(Long dealId, String processInstanceId, String taskKey, String onecRef) {
    this.dealId = dealId;
    this.processInstanceId = processInstanceId;
    this.taskKey = taskKey;
    this.onecRef = onecRef;
    this.status = "Передано в 1С";
  }

  /** @return whether anything changed */
  boolean update(String status, boolean executed) {
    if (java.util.Objects.equals(this.status, status) && this.executed == executed) {
      return false;
    }
    this.status = status;
    this.executed = executed;
    return true;
  }

  public Long getId() {
    return id;
  }

  public Long getDealId() {
    return dealId;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getTaskKey() {
    return taskKey;
  }

  public String getOnecRef() {
    return onecRef;
  }

  public String getStatus() {
    return status;
  }

  public boolean isExecuted() {
    return executed;
  }
}
