package ru.voronka.automation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.util.List;
import ru.voronka.deals.DealStage;

/**
 * A stage action as the REST API and the settings page send it (issue 17, item 5). Checked by
 * {@link StageActions#validate}, which says in Russian what is wrong.
 */
@Schema(description = "Действие «Отправить сообщение в WhatsApp» на стадии воронки")
public record StageActionForm(
    @Schema(description = "Код стадии", example = "IN_WORK") String stage,
    @Schema(description = "Название действия (в истории сделки)", example = "Напоминание о КП") String name,
    @Schema(description = "Включено", example = "true") Boolean enabled,
    @Schema(description = "Задержка, ISO-8601; PT0S — сразу", example = "PT2H") String delay,
    @Schema(description = "Только в рабочее время по производственному календарю", example = "false") Boolean workingHoursOnly,
    @Schema(description = "Проверить стадию перед отправкой", example = "true") Boolean recheckStage,
    @Schema(description = "Сервис: wazzup, i2crm, cloud (Default); пусто — тот, что писал клиенту последним", example = "wazzup")
    String service,
    @Schema(description = "Канал (номер отправителя) сервиса; пусто — любой активный", example = "wz-channel-1") String channel,
    @Schema(description = "Кому: ALL — все контакты и номера, MAIN_CONTACT — основной контакт", example = "MAIN_CONTACT")
    String recipients,
    @Schema(description = "Текст с параметрами в фигурных скобках", example = "Здравствуйте, {Имя клиента}! {Ссылка на сделку}")
    String text,
    @Schema(description = "Вложения: загруженные файлы (base64) и последние документы сделки указанных видов")
    List<Attachment> attachments,
    @Schema(description = "Одобренный шаблон WhatsApp (Cloud API): сообщение уходит этим шаблоном — так оно дойдёт и "
        + "клиенту, который не писал больше 24 часов; другие сервисы отправляют его текст")
    Template template) {

  /** Without a template, as before item 4 of issue 17. */
  public StageActionForm(String stage, String name, Boolean enabled, String delay, Boolean workingHoursOnly, Boolean recheckStage,
      String service, String channel, String recipients, String text, List<Attachment> attachments) {
    this(stage, name, enabled, delay, workingHoursOnly, recheckStage, service, channel, recipients, text, attachments, null);
  }

  /**
   * An approved template by {@code name} and {@code language} (e.g. {@code ru}); {@code parameters} are
   * the values of its {{1}}, {{2}}, … and may hold the text's parameters ({Имя клиента}…).
   */
  public record Template(
      @Schema(description = "Название шаблона, как его одобрил Meta", example = "order_reminder") String name,
      @Schema(description = "Язык шаблона", example = "ru") String language,
      @Schema(description = "Значения {{1}}, {{2}}, … — можно с параметрами в фигурных скобках",
          example = "[\"{Имя клиента}\", \"{Ссылка на сделку}\"]") List<String> parameters) {}

  /**
   * A file ({@code fileName}, {@code contentType}, {@code contentBase64}; or {@code id} of one kept
   * already), or {@code documentKind}: the deal's latest document of that kind (КП, счёт…).
   */
  public record Attachment(Long id, String fileName, String contentType, String contentBase64, String documentKind) {}

  /** What {@link StageActions#validate} lets through. */
  record Valid(DealStage stage, String name, boolean enabled, Duration delay, boolean workingHoursOnly, boolean recheckStage,
      String service, String channel, Recipients recipients, String text, List<Attachment> files, List<String> documentKinds,
      Template template) {}
}
