package ru.voronka.automation;

import ru.voronka.messaging.ClientMessenger;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.deals.DealStage;
import ru.voronka.deals.Viewer;
import ru.voronka.platform.audit.Audit;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;
import ru.voronka.whatsapp.WhatsAppChannels;
import ru.voronka.whatsapp.WhatsAppServices;

/**
 * The stage actions an administrator or the РОП keeps (issue 17, item 5): checked, saved, switched on
 * and off. A change applies to runs not yet fired: their timers move to the new time at once, and what
 * to send is read when they fire.
 */
@Service
@Transactional
public class StageActions {

  static final Duration MAX_DELAY = Duration.ofDays(365);
  static final int MAX_TEXT = 4000;
  static final long MAX_FILE = 10L * 1024 * 1024;

  private final StageActionRepository actions;
  private final WhatsAppServices services;
  private final StageActionRuns runs;
  private final ObjectProvider<DealDocuments> documents;
  private final Audit audit;
  private final Clock clock;
  private final ClientMessenger messenger;

  StageActions(StageActionRepository actions, WhatsAppServices services, StageActionRuns runs,
      ObjectProvider<DealDocuments> documents, Audit audit, Clock clock, ClientMessenger messenger) {
    this.messenger = messenger;
    this.actions = actions;
    this.services = services;
    this.runs = runs;
    this.documents = documents;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<StageAction> all() {
    return loaded(actions.findAllByOrderByStageAscIdAsc());
  }

  private static List<StageAction> loaded(List<StageAction> list) {
    list.forEach(a -> a.getAttachments().size()); // read after the transaction by the API's views
    return list;
  }

  @Transactional(readOnly = true)
  public List<StageAction> ofStage(DealStage stage) {
    return loaded(actions.findByStageOrderByIdAsc(stage));
  }

  @Transactional(readOnly = true)
  public StageAction get(Long id) {
    StageAction action = actions.findById(id)
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Действие №" + id + " не найдено"));
    action.getAttachments().size();
    return action;
  }

  public StageAction create(Viewer viewer, StageActionForm form) {
    requireLead(viewer);
    StageActionForm.Valid valid = validate(form, null);
    StageAction action = new StageAction(valid.stage());
    action.apply(valid, viewer.userId(), clock.instant());
    attachFiles(action, valid.files());
    actions.saveAndFlush(action);
    audit.record(viewer.userId(), "STAGE_ACTION_CREATED", "stage_action", action.getId(), action.getName());
    return action;
  }

  public StageAction update(Viewer viewer, Long id, StageActionForm form) {
    requireLead(viewer);
    StageAction action = get(id);
    StageActionForm.Valid valid = validate(form, action);
    action.apply(valid, viewer.userId(), clock.instant());
    if (form.attachments() != null) { // the list given is the whole list: files left out are removed
      Set<Long> kept = valid.files().stream().map(StageActionForm.Attachment::id).filter(x -> x != null).collect(Collectors.toSet());
      new ArrayList<>(action.getAttachments()).stream().filter(a -> !kept.contains(a.getId())).forEach(a -> action.detach(a.getId()));
      attachFiles(action, valid.files());
    }
    actions.flush();
    runs.retime(action);
    audit.record(viewer.userId(), "STAGE_ACTION_CHANGED", "stage_action", id, action.getName());
    return action;
  }

  public StageAction switchOn(Viewer viewer, Long id, boolean on) {
    requireLead(viewer);
    StageAction action = get(id);
    action.switchOn(on, viewer.userId(), clock.instant());
    audit.record(viewer.userId(), on ? "STAGE_ACTION_ON" : "STAGE_ACTION_OFF", "stage_action", id, action.getName());
    return action;
  }

  /** Runs not yet fired find it gone and are logged «Пропущено: действие удалено». */
  public void delete(Viewer viewer, Long id) {
    requireLead(viewer);
    StageAction action = get(id);
    actions.delete(action);
    audit.record(viewer.userId(), "STAGE_ACTION_DELETED", "stage_action", id, action.getName());
  }

  /**
   * Services that may be offered (AUT-1, seed 002: «only those connected and with an active channel»):
   * connected — on the services page or by the environment — with a channel switched on and active at the provider.
   */
  @Transactional(readOnly = true)
  public List<String> sendingServices() {
    return sendingChannels().stream().map(WhatsAppChannels.Channel::provider).distinct().toList();
  }

  @Transactional(readOnly = true)
  public List<WhatsAppChannels.Channel> sendingChannels() {
    return services.sendingChannels();
  }

  public List<DealDocuments.Kind> documentKinds() {
    return documents.getIfAvailable(NoDealDocuments::new).kinds();
  }

  static void requireLead(Viewer viewer) {
    if (!viewer.leadsSales()) {
      throw new DomainException(Kind.FORBIDDEN, "Действия бизнес-процессов настраивают администратор и РОП");
    }
  }

  /** Every mistake of the form at once, in Russian; {@code existing} keeps its files when the form names them by id. */
  StageActionForm.Valid validate(StageActionForm form, StageAction existing) {
    List<String> errors = new ArrayList<>();
    DealStage stage = null;
    if (form.stage() == null || form.stage().isBlank()) {
      errors.add("Выберите стадию");
    } else {
      try {
        stage = DealStage.valueOf(form.stage().strip());
      } catch (IllegalArgumentException e) {
        errors.add("Нет такой стадии: «" + form.stage() + "»");
      }
    }
    String name = form.name() == null ? "" : form.name().strip();
    if (name.isEmpty()) {
      errors.add("Введите название действия");
    } else if (name.length() > 200) {
      errors.add("Название длиннее 200 знаков");
    }
    Duration delay = Duration.ZERO;
    if (form.delay() != null && !form.delay().isBlank()) {
      try {
        delay = Duration.parse(form.delay().strip());
        if (delay.isNegative()) {
          errors.add("Задержка не может быть отрицательной");
        } else if (delay.compareTo(MAX_DELAY) > 0) {
          errors.add("Задержка больше 365 дней");
        }
      } catch (DateTimeParseException e) {
        errors.add("Задержка — длительность ISO-8601, например PT30M, PT2H или P3D; «" + form.delay() + "» не читается");
      }
    }
    Recipients recipients = Recipients.MAIN_CONTACT;
    if (form.recipients() != null && !form.recipients().isBlank()) {
      try {
        recipients = Recipients.valueOf(form.recipients().strip());
      } catch (IllegalArgumentException e) {
        errors.add("Получатели — ALL (все контакты и номера) или MAIN_CONTACT (основной контакт)");
      }
    }
    String text = form.text() == null ? "" : form.text().strip();
    List<StageActionForm.Attachment> all = form.attachments() == null ? List.of() : form.attachments();
    List<StageActionForm.Attachment> files = all.stream().filter(a -> a.documentKind() == null || a.documentKind().isBlank()).toList();
    List<String> kinds = all.stream().map(StageActionForm.Attachment::documentKind).filter(k -> k != null && !k.isBlank())
        .map(String::strip).distinct().toList();
    StageActionForm.Template template = template(form.template(), errors);
    if (text.isEmpty() && files.isEmpty() && kinds.isEmpty() && template == null) {
      errors.add("Введите текст сообщения или добавьте файл");
    }
    if (text.length() > MAX_TEXT) {
      errors.add("Текст длиннее " + MAX_TEXT + " знаков");
    }
    MessageParameters.unknown(text).forEach(t -> errors.add("Нет такого параметра: " + t + " — выберите его из списка"));
    Set<String> knownKinds = documentKinds().stream().map(DealDocuments.Kind::code).collect(Collectors.toSet());
    kinds.stream().filter(k -> !knownKinds.contains(k)).forEach(k -> errors.add("Нет такого вида документов: «" + k + "»"));
    for (StageActionForm.Attachment file : files) {
      if (file.id() != null) {
        if (existing == null || existing.getAttachments().stream().noneMatch(a -> file.id().equals(a.getId()))) {
          errors.add("Файл №" + file.id() + " не принадлежит этому действию");
        }
        continue;
      }
      if (file.fileName() == null || file.fileName().isBlank() || file.contentBase64() == null) {
        errors.add("У файла должны быть имя и содержимое");
        continue;
      }
      try {
        byte[] content = Base64.getDecoder().decode(file.contentBase64());
        if (content.length == 0) {
          errors.add("Файл «" + file.fileName() + "» пуст");
        } else if (content.length > MAX_FILE) {
          errors.add("Файл «" + file.fileName() + "» больше 10 МБ");
        }
      } catch (IllegalArgumentException e) {
        errors.add("Содержимое файла «" + file.fileName() + "» — не base64");
      }
    }
    String service = blankToNull(form.service());
    String channel = blankToNull(form.channel());
    List<WhatsAppChannels.Channel> sending = sendingChannels();
    if (service != null && sending.stream().noneMatch(c -> c.provider().equals(service))) {
      errors.add("Сервис «" + service + "» не подключён или у него нет активного канала");
    }
    if (channel != null && sending.stream().noneMatch(c -> c.ref().equals(channel) && (service == null || c.provider().equals(service)))) {
      errors.add("Канал «" + channel + "» выключен, неактивен у провайдера или не принадлежит сервису");
    }
    if (!errors.isEmpty()) {
      throw new DomainException(Kind.INVALID, String.join("; ", errors));
    }
    return new StageActionForm.Valid(stage, name, form.enabled() == null || form.enabled(), delay,
        Boolean.TRUE.equals(form.workingHoursOnly()), Boolean.TRUE.equals(form.recheckStage()), service, channel, recipients,
        text, files, kinds, template);
  }

  /** The provider's approved WhatsApp templates an action may send as (Cloud API); none where it has none. */
  public List<ClientMessenger.MessageTemplate> whatsappTemplates() {
    return messenger.templates();
  }

  /**
   * Issue 17, item 4: an approved template by name and language, its parameters as many as its body
   * takes (when the provider lists its templates: the Cloud API), each one line that may hold the text's
   * parameters. No name: no template.
   */
  private StageActionForm.Template template(StageActionForm.Template form, List<String> errors) {
    if (form == null || form.name() == null || form.name().isBlank()) {
      return null;
    }
    String name = form.name().strip();
    String language = form.language() == null || form.language().isBlank() ? "ru" : form.language().strip();
    List<String> parameters = form.parameters() == null ? List.of()
        : form.parameters().stream().map(p -> p == null ? "" : p.strip()).toList();
    for (String parameter : parameters) {
      if (parameter.isEmpty() || parameter.contains("\n") || parameter.contains("\t") || parameter.length() > 1000) {
        errors.add("Параметр шаблона — непустая строка до 1000 знаков, без переносов и табуляции");
        break;
      }
      MessageParameters.unknown(parameter).forEach(t -> errors.add("Нет такого параметра: " + t + " — выберите его из списка"));
    }
    List<ClientMessenger.MessageTemplate> approved = messenger.templates();
    if (!approved.isEmpty()) {
      approved.stream().filter(t -> t.name().equals(name) && t.language().equals(language)).findFirst().ifPresentOrElse(
          t -> {
            if (t.parameters() != parameters.size()) {
              errors.add("Шаблон «" + name + "» принимает параметров: " + t.parameters() + ", указано: " + parameters.size());
            }
          },
          () -> errors.add("Нет одобренного шаблона «" + name + "» (" + language + ") — выберите его из списка"));
    }
    return new StageActionForm.Template(name, language, parameters);
  }

  private static void attachFiles(StageAction action, List<StageActionForm.Attachment> files) {
    files.stream().filter(f -> f.id() == null).forEach(f -> action.attach(f.fileName().strip(),
        f.contentType() == null || f.contentType().isBlank() ? "application/octet-stream" : f.contentType(),
        Base64.getDecoder().decode(f.contentBase64())));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
