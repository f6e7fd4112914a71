package ru.voronka.automation;

import java.util.ArrayList;
import java.util.List;
import ru.voronka.platform.RussianFormats;

/** A stage action as the API answers it: the form's fields, its id, its files by id and what changed last. */
public record StageActionView(Long id, String stage, String stageTitle, String name, boolean enabled, String delay,
    boolean workingHoursOnly, boolean recheckStage, String service, String channel, String recipients, String text,
    List<Attachment> attachments, String updatedAt, String updatedBy, StageActionForm.Template template) {

  public record Attachment(Long id, String fileName, String contentType, Long sizeBytes, String documentKind) {}

  static StageActionView of(StageAction a) {
    List<Attachment> attachments = new ArrayList<>();
    a.getAttachments().forEach(f -> attachments.add(new Attachment(f.getId(), f.getFileName(), f.getContentType(), f.getSizeBytes(), null)));
    a.getDocumentKinds().forEach(k -> attachments.add(new Attachment(null, null, null, null, k)));
    return new StageActionView(a.getId(), a.getStage().name(), a.getStage().title(), a.getName(), a.isEnabled(), a.getDelay().toString(),
        a.isWorkingHoursOnly(), a.isRecheckStage(), a.getService(), a.getChannel(), a.getRecipients().name(), a.getBody(), attachments,
        a.getUpdatedAt() == null ? null : RussianFormats.dateTime(a.getUpdatedAt()), a.getUpdatedBy(), a.getTemplate());
  }
}
