package ru.voronka.automation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.voronka.deals.DealStage;
import ru.voronka.deals.Viewers;

@Tag(name = "Действия на стадиях", description = "«Отправить сообщение в WhatsApp» при входе сделки в стадию (AUT-1): администратор и РОП")
@RestController
@RequestMapping("/api/stage-actions")
class StageActionController {

  private final StageActions actions;
  private final StageActionPreview preview;

  StageActionController(StageActions actions, StageActionPreview preview) {
    this.actions = actions;
    this.preview = preview;
  }

  @Operation(summary = "Действия всех стадий или одной (stage=IN_WORK)")
  @GetMapping
  List<StageActionView> list(@RequestParam(required = false) String stage, Authentication auth) {
    StageActions.requireLead(Viewers.of(auth));
    return (stage == null ? actions.all() : actions.ofStage(stage(stage))).stream().map(StageActionView::of).toList();
  }

  @Operation(summary = "Одно действие")
  @GetMapping("/{id}")
  StageActionView get(@PathVariable Long id, Authentication auth) {
    StageActions.requireLead(Viewers.of(auth));
    return StageActionView.of(actions.get(id));
  }

  @Operation(summary = "Создать действие", description = "Ошибки заполнения — 400 с перечнем по-русски")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  StageActionView create(@RequestBody StageActionForm form, Authentication auth) {
    return StageActionView.of(actions.create(Viewers.of(auth), form));
  }

  @Operation(summary = "Изменить действие", description = "Применяется и к ещё не сработавшим запускам: их время пересчитывается")
  @PutMapping("/{id}")
  StageActionView update(@PathVariable Long id, @RequestBody StageActionForm form, Authentication auth) {
    return StageActionView.of(actions.update(Viewers.of(auth), id, form));
  }

  @Operation(summary = "Включить или выключить")
  @PostMapping("/{id}/enabled")
  StageActionView switchOn(@PathVariable Long id, @RequestParam boolean enabled, Authentication auth) {
    return StageActionView.of(actions.switchOn(Viewers.of(auth), id, enabled));
  }

  @Operation(summary = "Удалить действие", description = "Ожидающие запуски запишут «Пропущено: действие удалено»")
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable Long id, Authentication auth) {
    actions.delete(Viewers.of(auth), id);
  }

  @Operation(summary = "Предпросмотр текста действия на реальной сделке")
  @GetMapping("/{id}/preview")
  StageActionPreview.Preview preview(@PathVariable Long id, @RequestParam Long dealId, Authentication auth) {
    StageAction action = actions.get(id);
    return preview.preview(Viewers.of(auth), action.getBody(), action.getRecipients(), dealId,
        action.getAttachments().stream().map(StageActionAttachment::getFileName).toList());
  }

  record TestMessage(String phone, Long dealId) {}

  @Operation(summary = "Отправить тестовое сообщение на указанный номер")
  @PostMapping("/{id}/test")
  java.util.Map<String, String> test(@PathVariable Long id, @RequestBody TestMessage test, Authentication auth) {
    StageAction action = actions.get(id);
    return java.util.Map.of("channel", preview.sendTest(Viewers.of(auth), action.getBody(), test.dealId(), test.phone(),
        action.getService(), action.getChannel()));
  }

  @Operation(summary = "Параметры текста, которые можно выбрать")
  @GetMapping("/parameters")
  List<String> parameters() {
    return java.util.Arrays.stream(MessageParameters.Parameter.values()).map(MessageParameters.Parameter::token).toList();
  }

  private static DealStage stage(String code) {
    try {
      return DealStage.valueOf(code);
    } catch (IllegalArgumentException e) {
      throw new ru.voronka.platform.web.DomainException(ru.voronka.platform.web.DomainException.Kind.INVALID, "Нет такой стадии: «" + code + "»");
    }
  }
}
