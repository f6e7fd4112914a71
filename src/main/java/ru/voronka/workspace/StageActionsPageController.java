package ru.voronka.workspace;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.voronka.automation.DealDocuments;
import ru.voronka.automation.MessageParameters;
import ru.voronka.automation.Recipients;
import ru.voronka.automation.StageAction;
import ru.voronka.automation.StageActionForm;
import ru.voronka.automation.StageActionPreview;
import ru.voronka.automation.StageActions;
import ru.voronka.deals.DealStage;
import ru.voronka.deals.Funnel;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.Viewers;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * «Бизнес-процессы» (seed 002): the stage actions of every funnel stage for the administrator and the
 * РОП — several per stage, each on or off; the form with «Сразу / С задержкой», the service and channel
 * from those that can send, recipients, the text with parameters picked from a list, files and document
 * kinds, a preview with a real deal and a test message to a typed number. A refused form is shown again
 * with what was typed and the reasons.
 */
@Controller
class StageActionsPageController {

  private final StageActions actions;
  private final StageActionPreview preview;

  StageActionsPageController(StageActions actions, StageActionPreview preview) {
    this.actions = actions;
    this.preview = preview;
  }

  /** The form as the page posts it: the delay as a number and a unit. */
  public record PageForm(Long id, String stage, String name, Boolean enabled, String when, Long delayAmount, String delayUnit,
      Boolean workingHoursOnly, Boolean recheckStage, String service, String channel, String recipients, String text,
      List<Long> keepFiles, List<String> documentKinds, String template, String templateParameters) {

    /** «name|language» and the parameters one a line, as the API's template; none picked: null. */
    StageActionForm.Template apiTemplate() {
      if (template == null || template.isBlank()) {
        return null;
      }
      int bar = template.lastIndexOf('|');
      List<String> values = templateParameters == null || templateParameters.isBlank() ? List.of()
          : templateParameters.strip().lines().toList();
      return new StageActionForm.Template(bar < 0 ? template : template.substring(0, bar), bar < 0 ? null : template.substring(bar + 1),
          values);
    }

    String delayIso() {
      if (!"DELAY".equals(when)) {
        return "PT0S";
      }
      if (delayAmount == null || delayAmount <= 0) {
        throw new DomainException(Kind.INVALID, "Укажите задержку: целое число минут, часов или дней больше нуля");
      }
      return switch (delayUnit == null ? "" : delayUnit) {
        case "MINUTES" -> Duration.ofMinutes(delayAmount).toString();
        case "HOURS" -> Duration.ofHours(delayAmount).toString();
        case "DAYS" -> "P" + delayAmount + "D";
        default -> throw new DomainException(Kind.INVALID, "Выберите единицу задержки: минуты, часы или дни");
      };
    }

    static PageForm of(StageAction a) {
      Duration d = a.getDelay();
      String unit = d.isZero() ? "HOURS" : d.toDays() > 0 && d.toHours() % 24 == 0 ? "DAYS" : d.toMinutes() % 60 == 0 ? "HOURS" : "MINUTES";
      long amount = switch (unit) {
        case "DAYS" -> d.toDays();
        case "HOURS" -> d.toHours();
        default -> d.toMinutes();
      };
      return new PageForm(a.getId(), a.getStage().name(), a.getName(), a.isEnabled(), d.isZero() ? "NOW" : "DELAY",
          d.isZero() ? null : amount, unit, a.isWorkingHoursOnly(), a.isRecheckStage(), a.getService(), a.getChannel(),
          a.getRecipients().name(), a.getBody(), a.getAttachments().stream().map(f -> f.getId()).toList(), a.getDocumentKinds(),
          a.getTemplate() == null ? null : a.getTemplate().name() + "|" + a.getTemplate().language(),
          a.getTemplate() == null ? null : String.join("\n", a.getTemplate().parameters()));
    }

    static PageForm blank(String stage) {
      return new PageForm(null, stage, "", true, "NOW", null, "HOURS", false, false, null, null, "ALL", "", List.of(), List.of(), null, null);
    }
  }

  public record StageGroup(String code, String title, List<StageAction> actions) {}

  @GetMapping("/settings/automations")
  String list(Authentication auth, Model model) {
    requireLead(auth);
    Map<DealStage, List<StageAction>> byStage = new LinkedHashMap<>();
    for (DealStage stage : DealStage.values()) {
      byStage.put(stage, new ArrayList<>());
    }
    actions.all().forEach(a -> byStage.get(a.getStage()).add(a));
    List<StageGroup> groups = new ArrayList<>();
    byStage.forEach((stage, list) -> groups.add(new StageGroup(stage.name(),
        (stage.funnel() == Funnel.SALES ? "Продажа" : "Инженеры") + ": " + stage.title(), list)));
    model.addAttribute("stages", groups);
    return "workspace/stage-actions";
  }

  @GetMapping("/settings/automations/new")
  String create(@RequestParam(defaultValue = "IN_WORK") String stage, Authentication auth, Model model) {
    requireLead(auth);
    return form(model, PageForm.blank(stage), null, null);
  }

  @GetMapping("/settings/automations/{id}")
  String edit(@PathVariable Long id, Authentication auth, Model model) {
    requireLead(auth);
    StageAction action = actions.get(id);
    return form(model, PageForm.of(action), null, null);
  }

  @PostMapping("/settings/automations/save")
  String save(@ModelAttribute PageForm form, @RequestParam(required = false) List<MultipartFile> files, Authentication auth,
      Model model, RedirectAttributes redirect) {
    Viewer viewer = Viewers.of(auth);
    try {
      StageActionForm api = toApi(form, files);
      StageAction saved = form.id() == null ? actions.create(viewer, api) : actions.update(viewer, form.id(), api);
      redirect.addFlashAttribute("saved", "Действие «" + saved.getName() + "» сохранено");
      return "redirect:/settings/automations";
    } catch (DomainException e) {
      if (e.kind() == Kind.FORBIDDEN) {
        throw e;
      }
      model.addAttribute("error", e.getMessage());
      return form(model, form, null, null);
    }
  }

  @PostMapping("/settings/automations/preview")
  String preview(@ModelAttribute PageForm form, @RequestParam(required = false) Long dealId, Authentication auth, Model model) {
    try {
      if (dealId == null) {
        throw new DomainException(Kind.INVALID, "Введите номер сделки для предпросмотра");
      }
      var p = preview.preview(Viewers.of(auth), form.text(), recipients(form), dealId, List.of());
      return form(model, form, p, null);
    } catch (DomainException e) {
      if (e.kind() == Kind.FORBIDDEN) {
        throw e;
      }
      model.addAttribute("error", e.getMessage());
      return form(model, form, null, null);
    }
  }

  @PostMapping("/settings/automations/test")
  String test(@ModelAttribute PageForm form, @RequestParam(required = false) Long dealId, @RequestParam(required = false) String testPhone,
      Authentication auth, Model model) {
    try {
      String channel = preview.sendTest(Viewers.of(auth), form.text(), dealId, testPhone, form.service(), form.channel());
      return form(model, form, null, "Тестовое сообщение отправлено на " + testPhone + " (" + channel + ")");
    } catch (DomainException e) {
      if (e.kind() == Kind.FORBIDDEN) {
        throw e;
      }
      model.addAttribute("error", e.getMessage());
      return form(model, form, null, null);
    }
  }

  @PostMapping("/settings/automations/{id}/enabled")
  String switchOn(@PathVariable Long id, @RequestParam boolean enabled, Authentication auth, RedirectAttributes redirect) {
    StageAction action = actions.switchOn(Viewers.of(auth), id, enabled);
    redirect.addFlashAttribute("saved", "«" + action.getName() + "» " + (enabled ? "включено" : "выключено"));
    return "redirect:/settings/automations";
  }

  @PostMapping("/settings/automations/{id}/delete")
  String delete(@PathVariable Long id, Authentication auth, RedirectAttributes redirect) {
    actions.delete(Viewers.of(auth), id);
    redirect.addFlashAttribute("saved", "Действие удалено");
    return "redirect:/settings/automations";
  }

  private String form(Model model, PageForm form, StageActionPreview.Preview shown, String tested) {
    model.addAttribute("form", form);
    model.addAttribute("stageOptions", Arrays.stream(DealStage.values())
        .map(s -> new Option(s.name(), (s.funnel() == Funnel.SALES ? "Продажа" : "Инженеры") + ": " + s.title())).toList());
    model.addAttribute("services", actions.sendingServices());
    model.addAttribute("serviceTitles", actions.sendingServices().stream()
        .collect(java.util.stream.Collectors.toMap(code -> code, ru.voronka.whatsapp.WhatsAppServices::titleOf)));
    model.addAttribute("channels", actions.sendingChannels());
    model.addAttribute("recipientOptions", Option.of(Recipients.values(), Recipients::title));
    model.addAttribute("parameters", Arrays.stream(MessageParameters.Parameter.values()).map(p -> new Option(p.token(), p.title())).toList());
    model.addAttribute("documentKinds", actions.documentKinds());
    model.addAttribute("waTemplates", actions.whatsappTemplates());
    model.addAttribute("files", form.id() == null ? List.of() : actions.get(form.id()).getAttachments());
    if (shown != null) {
      model.addAttribute("preview", shown);
    }
    if (tested != null) {
      model.addAttribute("saved", tested);
    }
    return "workspace/stage-action-form";
  }

  private static Recipients recipients(PageForm form) {
    try {
      return form.recipients() == null ? Recipients.ALL : Recipients.valueOf(form.recipients());
    } catch (IllegalArgumentException e) {
      return Recipients.ALL;
    }
  }

  private static StageActionForm toApi(PageForm form, List<MultipartFile> uploads) {
    List<StageActionForm.Attachment> attachments = new ArrayList<>();
    (form.keepFiles() == null ? List.<Long>of() : form.keepFiles())
        .forEach(id -> attachments.add(new StageActionForm.Attachment(id, null, null, null, null)));
    for (MultipartFile file : uploads == null ? List.<MultipartFile>of() : uploads) {
      if (file.isEmpty()) {
        continue;
      }
      try {
        attachments.add(new StageActionForm.Attachment(null, file.getOriginalFilename(), file.getContentType(),
            Base64.getEncoder().encodeToString(file.getBytes()), null));
      } catch (IOException e) {
        throw new DomainException(Kind.INVALID, "Файл «" + file.getOriginalFilename() + "» не прочитан");
      }
    }
    (form.documentKinds() == null ? List.<String>of() : form.documentKinds())
        .forEach(k -> attachments.add(new StageActionForm.Attachment(null, null, null, null, k)));
    return new StageActionForm(form.stage(), form.name(), Boolean.TRUE.equals(form.enabled()), form.delayIso(),
        Boolean.TRUE.equals(form.workingHoursOnly()), Boolean.TRUE.equals(form.recheckStage()), form.service(), form.channel(), form.recipients(), form.text(), attachments,
        form.apiTemplate());
  }

  private static void requireLead(Authentication auth) {
    if (!Viewers.of(auth).leadsSales()) {
      throw new DomainException(Kind.FORBIDDEN, "Действия бизнес-процессов настраивают администратор и РОП");
    }
  }
}
