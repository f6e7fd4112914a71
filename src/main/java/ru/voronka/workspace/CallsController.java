package ru.voronka.workspace;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.Viewers;
import ru.voronka.directory.Directory;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;
import ru.voronka.telephony.CallDirection;
import ru.voronka.telephony.CallFollowUps;
import ru.voronka.telephony.CallViews;
import ru.voronka.telephony.ClickToCall;
import ru.voronka.telephony.CallViews.CallView;
import ru.voronka.telephony.ClientEvent;
import ru.voronka.telephony.ClientEvents;
import ru.voronka.telephony.Pbx;
import ru.voronka.telephony.PhoneCall;

/**
 * The call journal (TEL-2), the call card that pops on ringing and stays until «Итог звонка» is
 * done (TEL-4, TEL-8), the РОП's transfer and listen-in, and the manager's events (TEL-9).
 */
@Controller
class CallsController {

  private static final int PAGE_SIZE = 25;
  private static final int RECENT = 12;

  private final CallViews views;
  private final CallFollowUps followUps;
  private final ClientEvents events;
  private final Directory directory;
  private final ObjectProvider<Pbx> pbx;
  private final ClickToCall clickToCall;

  CallsController(CallViews views, CallFollowUps followUps, ClientEvents events, Directory directory, ObjectProvider<Pbx> pbx,
      ClickToCall clickToCall) {
    this.clickToCall = clickToCall;
    this.views = views;
    this.followUps = followUps;
    this.events = events;
    this.directory = directory;
    this.pbx = pbx;
  }

  @GetMapping("/calls")
  String journal(@RequestParam(required = false) Long manager, @RequestParam(required = false) CallDirection direction,
      @RequestParam(required = false) PhoneCall.State state,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "0") int page, Authentication auth, Model model) {
    Viewer viewer = Viewers.of(auth);
    var calls = views.journal(new CallViews.Filter(manager, direction, state, from, to), viewer,
        PageRequest.of(Math.max(page, 0), PAGE_SIZE));
    model.addAttribute("calls", calls);
    model.addAttribute("leads", viewer.leadsSales());
    model.addAttribute("managers", viewer.leadsSales() ? views.managers() : List.of());
    model.addAttribute("states", PhoneCall.State.values());
    Map<String, Object> filter = new HashMap<>();
    filter.put("manager", manager == null ? "" : manager.toString());
    filter.put("direction", direction == null ? "" : direction.name());
    filter.put("state", state == null ? "" : state.name());
    filter.put("from", from == null ? "" : from.toString());
    filter.put("to", to == null ? "" : to.toString());
    model.addAttribute("filter", filter);
    model.addAttribute("recent", views.recentCallers(viewer, RECENT));
    model.addAttribute("query", "manager=" + filter.get("manager") + "&direction=" + filter.get("direction") + "&state="
        + filter.get("state") + "&from=" + filter.get("from") + "&to=" + filter.get("to") + "&");
    return "workspace/calls";
  }

  /** TEL-1: the dial pad, with the recent callers beside it. */
  @GetMapping("/calls/dial")
  String dialPad(@RequestParam(required = false) String number, Authentication auth, Model model) {
    model.addAttribute("number", number == null ? "" : number);
    model.addAttribute("recent", views.recentCallers(Viewers.of(auth), RECENT));
    model.addAttribute("extension", directory.employee(auth.getName()).map(e -> e.getExtension()).orElse(null));
    return "workspace/dial";
  }

  /**
   * TEL-1: a click on any phone number, or the dial pad: the user's desk phone rings first, then the
   * number — through the telephony port, as the client chat's «Позвонить». The journal, the card and
   * the client's chat follow the call as for any other.
   */
  @PostMapping("/calls/dial")
  String dial(@RequestParam(required = false) String number, Authentication auth, Model model) {
    String e164 = ru.voronka.directory.PhoneNumbers.e164(number);
    if (e164 == null) {
      throw new DomainException(Kind.INVALID, "«" + (number == null ? "" : number.strip()) + "» — не номер телефона: наберите, например, +7 912 600-70-80");
    }
    clickToCall.dial(auth.getName(), e164);
    String desk = directory.employee(auth.getName()).map(e -> e.getExtension()).orElse("");
    model.addAttribute("notice", "Звоним на " + ru.voronka.directory.PhoneNumbers.display(e164) + ": сначала зазвонит ваш телефон"
        + (desk.isEmpty() ? "" : " (доб. " + desk + ")") + ", снимите трубку.");
    return "workspace/fragments/dialing";
  }

  /** The card the pop opens: who calls, their deal, and — once the call is over — the follow-up to fill in. */
  @GetMapping("/calls/{id}/card")
  String card(@PathVariable long id, Authentication auth, Model model) {
    Viewer viewer = Viewers.of(auth);
    CallView call = views.card(id, viewer);
    model.addAttribute("call", call);
    model.addAttribute("followUpOpen", followUps.open(viewer.userId()).stream().anyMatch(o -> o.callId() == id));
    model.addAttribute("ringingHere", call.live() && !call.missed());
    model.addAttribute("simulated", pbx.getIfAvailable() instanceof ru.voronka.telephony.SimulatedPbx);
    model.addAttribute("spyModes", Pbx.SpyMode.values()); // the РОП's listen, whisper and barge buttons
    return "workspace/fragments/call-card";
  }

  /** The card popped straight from the PBX's event, addressed by the call's key (Asterisk's Linkedid). */
  @GetMapping("/calls/key/{key}/card")
  String cardByKey(@PathVariable String key, Authentication auth, Model model) throws InterruptedException {
    CallView call = views.cardByKey(key, Viewers.of(auth));
    return card(call.id(), auth, model);
  }

  @PostMapping("/calls/{id}/follow-up")
  String followUp(@PathVariable long id, @RequestParam(required = false) String followUp,
      @RequestParam(required = false) String requestTitle, @RequestParam(required = false) String eventKind,
      @RequestParam(required = false) String eventDue, @RequestParam(required = false) String eventTitle,
      @RequestParam(required = false) String clientName, @RequestParam(required = false) String readiness,
      @RequestParam(required = false) String contactName, Authentication auth, Model model) {
    Map<String, Object> answers = new HashMap<>();
    answers.put("followUp", followUp);
    answers.put("requestTitle", blankToNull(requestTitle));
    answers.put("eventKind", blankToNull(eventKind));
    answers.put("eventDue", blankToNull(eventDue));
    answers.put("eventTitle", blankToNull(eventTitle));
    if (clientName != null) {
      answers.put("clientName", blankToNull(clientName));
      answers.put("contactName", blankToNull(contactName));
      answers.put("readiness", blankToNull(readiness));
    }
    followUps.complete(id, auth.getName(), answers);
    return card(id, auth, model);
  }

  /** TEL-7: the manager whose desk rings passes the call on to the next one. */
  @PostMapping("/calls/{id}/pass")
  String pass(@PathVariable long id, Authentication auth, Model model) {
    requirePbx().pass(views.ringingAt(id, auth.getName()));
    return "workspace/fragments/call-passed";
  }

  /** The card of a call that rang on to another manager (three rings, or passed on): it no longer rings here. */
  @GetMapping("/calls/{id}/rung-on")
  String rungOn(@PathVariable long id, Model model) {
    model.addAttribute("notice", "Звонок ушёл к следующему менеджеру: у вас он больше не звонит.");
    return "workspace/fragments/call-passed";
  }

  /** TEL-2: the РОП moves a call to another manager, or joins it. */
  @PostMapping("/calls/{id}/transfer")
  String transfer(@PathVariable long id, @RequestParam String extension, Authentication auth, Model model) {
    String desk = ru.voronka.telephony.PbxArguments.extension(extension); // digits only: it becomes an AMI header
    PhoneCall call = liveCallForLead(id, auth);
    requirePbx().redirect(call.getCallKey(), desk);
    return card(id, auth, model);
  }

  @PostMapping("/calls/{id}/spy")
  String spy(@PathVariable long id, @RequestParam Pbx.SpyMode mode, Authentication auth, Model model) {
    PhoneCall call = liveCallForLead(id, auth);
    String mine = directory.employee(auth.getName()).map(e -> e.getExtension()).orElse(null);
    if (mine == null) {
      throw new DomainException(Kind.INVALID, "У вас не указан внутренний номер: подключиться к разговору не с чего");
    }
    requirePbx().spy(mine, call.getCallKey(), mode);
    model.addAttribute("notice", mode.title() + ": ваш телефон сейчас зазвонит");
    return card(id, auth, model);
  }

  @GetMapping("/events")
  String events(Authentication auth, Model model) {
    var me = directory.requireEmployee(auth.getName());
    model.addAttribute("events", events.of(me));
    model.addAttribute("statuses", ClientEvent.Status.values());
    return "workspace/events";
  }

  @PostMapping("/events/{id}/status")
  String eventStatus(@PathVariable long id, @RequestParam ClientEvent.Status status, Authentication auth) {
    events.changeStatus(id, status, auth.getName());
    return "redirect:/events";
  }

  private PhoneCall liveCallForLead(long id, Authentication auth) {
    if (!Viewers.of(auth).leadsSales()) {
      throw new DomainException(Kind.FORBIDDEN, "Переводить звонки и подключаться к ним может РОП");
    }
    PhoneCall call = views.find(id).orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Звонок №" + id + " не найден"));
    if (call.isOver()) {
      throw new DomainException(Kind.CONFLICT, "Звонок уже закончился");
    }
    return call;
  }

  private Pbx requirePbx() {
    Pbx found = pbx.getIfAvailable();
    if (found == null) {
      throw new DomainException(Kind.CONFLICT, "АТС не подключена");
    }
    return found;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
