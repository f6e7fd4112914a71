package ru.voronka.platform.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import ru.voronka.platform.time.Timestamped;
import ru.voronka.platform.time.WriteTimes;

@Entity
@EntityListeners(WriteTimes.class)
public class AuditEntry implements Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Instant at;
  private String actor;
  private String action;
  private String subjectType;
  private String subjectId;
  private String details;

  protected AuditEntry() {}

  @Override
  public void created(Instant now) {
    at = now;
  }

  AuditEntry(String actor, String action, String subjectType, String subjectId, String details) {
    this.actor = actor;
    this.action = action;
    this.subjectType = subjectType;
    this.subjectId = subjectId;
    this.details = details == null || details.length() <= 4000 ? details : details.substring(0, 4000);
  }

  public Long getId() {
    return id;
  }

  public Instant getAt() {
    return at;
  }

  public String getActor() {
    return actor;
  }

  public String getAction() {
    return action;
  }

  public String getSubjectType() {
    return subjectType;
  }

  public String getSubjectId() {
    return subjectId;
  }

  public String getDetails() {
    return details;
  }
}
