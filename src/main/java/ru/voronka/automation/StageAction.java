package ru.voronka.automation;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import ru.voronka.deals.DealStage;

/** «Отправить сообщение в WhatsApp» on a stage: when, through what, to whom, what. */
@Entity
public class StageAction {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  private DealStage stage;

  private String name;
  private boolean enabled;

  @Column(name = "delay_iso")
  private String delay;

  private boolean workingHoursOnly;
  private boolean recheckStage;
  private String service;
  private String channel;

  @Enumerated(EnumType.STRING)
  private Recipients recipients;

  private String body;
  private String documentKinds;
  /** An approved WhatsApp template the message goes as (issue 17, item 4); its parameters one a line. */
  private String templateName;
  private String templateLanguage;
  private String templateParameters;
  private Instant updatedAt;
  private String updatedBy;

  @OneToMany(mappedBy = "action", cascade = CascadeType.ALL, orphanRemoval = true)
  private List<StageActionAttachment> attachments = new ArrayList<>();

  protected StageAction() {}

  StageAction(DealStage stage) {
    this.stage = stage;
  }

  void apply(StageActionForm.Valid form, String by, Instant now) {
    this.stage = form.stage();
    this.name = form.name();
    this.enabled = form.enabled();
    this.delay = form.delay().toString();
    this.workingHoursOnly = form.workingHoursOnly();
    this.recheckStage = form.recheckStage();
    this.service = form.service();
    this.channel = form.channel();
    this.recipients = form.recipients();
    this.body = form.text();
    this.documentKinds = form.documentKinds().isEmpty() ? null : String.join(",", form.documentKinds());
    this.templateName = form.template() == null ? null : form.template().name();
    this.templateLanguage = form.template() == null ? null : form.template().language();
    this.templateParameters = form.template() == null ? null : String.join("\n", form.template().parameters());
    this.updatedBy = by;
    this.updatedAt = now;
  }

  /** The template the message goes as; null: free text. */
  public StageActionForm.Template getTemplate() {
    if (templateName == null) {
      return null;
    }
    return new StageActionForm.Template(templateName, templateLanguage,
        templateParameters == null || templateParameters.isEmpty() ? List.of() : List.of(templateParameters.split("\n", -1)));
  }

  void switchOn(boolean on, String by, Instant now) {
    this.enabled = on;
    this.updatedBy = by;
    this.updatedAt = now;
  }

  StageActionAttachment attach(String fileName, String contentType, byte[] content) {
    StageActionAttachment attachment = new StageActionAttachment(this, fileName, contentType, content);
    attachments.add(attachment);
    return attachment;
  }

  void detach(Long attachmentId) {
    attachments.removeIf(a -> a.getId() != null && a.getId().equals(attachmentId));
  }

  public Long getId() {
    return id;
  }

  public DealStage getStage() {
    return stage;
  }

  public String getName() {
    return name;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public Duration getDelay() {
    return Duration.parse(delay);
  }

  public boolean isWorkingHoursOnly() {
    return workingHoursOnly;
  }

  public boolean isRecheckStage() {
    return recheckStage;
  }

  public String getService() {
    return service;
  }

  public String getChannel() {
    return channel;
  }

  public Recipients getRecipients() {
    return recipients;
  }

  public String getBody() {
    return body;
  }

  public List<String> getDocumentKinds() {
    return documentKinds == null || documentKinds.isBlank() ? List.of() : List.of(documentKinds.split(","));
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  public List<StageActionAttachment> getAttachments() {
    return attachments;
  }
}
