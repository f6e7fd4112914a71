package ru.voronka.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import ru.voronka.chat.ChatAttachment;
import ru.voronka.chat.ChatFinder;
import ru.voronka.chat.ChatKind;
import ru.voronka.chat.ChatPosting;
import ru.voronka.chat.ChatReading;
import ru.voronka.chat.CounterpartyChats;
import ru.voronka.chat.MessageDeletion;
import ru.voronka.chat.ReadState;
import ru.voronka.chat.Upload;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.Viewers;
import ru.voronka.directory.Employee;
import ru.voronka.directory.EmployeeRepository;
import ru.voronka.sms.SmsTemplates;

/**
 * The communicator (COM-1 … COM-3): the tree of chats on the left, the open chat on the right;
 * the same chat panel is what a deal card's chat tabs load.
 */
@Controller
class CommunicatorController {

  private final ChatReading reading;
  private final ChatPosting posting;
  private final CounterpartyChats counterpartyChats;
  private final ChatFinder finder;
  private final MessageDeletion deletion;
  private final ReadState readState;
  private final EmployeeRepository employees;
  private final SmsTemplates smsTemplates;

  CommunicatorController(ChatReading reading, ChatPosting posting, CounterpartyChats counterpartyChats, ChatFinder finder, MessageDeletion deletion, ReadState readState, EmployeeRepository employees, SmsTemplates smsTemplates) {
    this.reading = reading;
    this.posting = posting;
    this.counterpartyChats = counterpartyChats;
    this.finder = finder;
    this.deletion = deletion;
    this.readState = readState;
    this.employees = employees;
    this.smsTemplates = smsTemplates;
  }

  @GetMapping("/chats")
  String communicator(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
      Authentication auth, Model model) {
    tree(Viewers.of(auth), q, page, model);
    return "workspace/chats";
  }

  @GetMapping("/chats/{id}")
  String chat(@PathVariable Long id, @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
      Authentication auth, Model model) {
    Viewer viewer = Viewers.of(auth);
    model.addAttribute("chat", reading.open(id, viewer, null));
    tree(viewer, q, page, model);
    return "workspace/chats";
  }

  private void tree(Viewer viewer, String q, int page, Model model) {
    model.addAttribute("tree", finder.myChats(viewer, q, true, PageRequest.of(Math.max(page, 0), 40)));
    model.addAttribute("q", q == null ? "" : q);
  }

  /** «Выбрать чат»: every chat the user may open, and every colleague for a personal chat. */
  @GetMapping("/chats/pick")
  String pick(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Authentication auth,
      Model model) {
    Viewer viewer = Viewers.of(auth);
    model.addAttribute("found", finder.myChats(viewer, q, false, PageRequest.of(Math.max(page, 0), 40)));
    String needle = q == null ? "" : q.trim().toLowerCase();
    List<Employee> colleagues = new ArrayList<>(employees.findActive().stream()
        .filter(e -> !e.getUserId().equals(viewer.userId()))
        .filter(e -> needle.isEmpty() || e.getFullName().toLowerCase().contains(needle))
        .toList());
    model.addAttribute("colleagues", colleagues);
    model.addAttribute("q", q == null ? "" : q);
    return "workspace/chat-pick";
  }

  @PostMapping("/chats/with/{userId}")
  String personal(@PathVariable String userId, Authentication auth) {
    return "redirect:/chats/" + finder.personalChatWith(Viewers.of(auth), userId);
  }

  @GetMapping("/chats/{id}/panel")
  String panel(@PathVariable Long id, Authentication auth, Model model) {
    model.addAttribute("chat", reading.open(id, Viewers.of(auth), null));
    return "workspace/fragments/chat-panel";
  }

  @GetMapping("/deals/{dealId}/chat/{which}")
  String dealChat(@PathVariable Long dealId, @PathVariable String which, Authentication auth, Model model) {
    Viewer viewer = Viewers.of(auth);
    ChatKind kind = "internal".equals(which) ? ChatKind.DEAL_INTERNAL : ChatKind.DEAL_CLIENT;
    model.addAttribute("chat", reading.open(finder.dealChat(dealId, kind, viewer), viewer, null));
    return "workspace/fragments/chat-panel";
  }

  /** Older messages («Показать раньше») or newer ones (after a live event). */
  @GetMapping("/chats/{id}/messages")
  String messages(@PathVariable Long id, @RequestParam(required = false) Long before, @RequestParam(required = false) Long after,
      Authentication auth, Model model) {
    Viewer viewer = Viewers.of(auth);
    if (after != null) {
      model.addAttribute("messages", reading.newer(id, viewer, after));
      model.addAttribute("mayDelete", false);
      return "workspace/fragments/messages";
    }
    model.addAttribute("chat", reading.open(id, viewer, before));
    return "workspace/fragments/older-messages";
  }

  /** Multipart when files are attached, a plain form otherwise: one endpoint takes both. */
  @PostMapping("/chats/{id}/messages")
  String post(@PathVariable Long id, @RequestParam(required = false) String text,
      @RequestParam(name = "files", required = false) List<MultipartFile> files, Authentication auth, Model model) {
    model.addAttribute("messages", List.of(posting.post(id, Viewers.of(auth), text, uploads(files))));
    model.addAttribute("mayDelete", false);
    return "workspace/fragments/messages";
  }

  /** The SMS templates every client chat panel offers (TEL-10). */
  @ModelAttribute("smsTemplates")
  List<SmsTemplates.Template> smsTemplates() {
    return smsTemplates.all();
  }

  /** The approved WhatsApp templates (Cloud API) a manager may send outside the 24-hour window. */
  @ModelAttribute("waTemplates")
  List<ru.voronka.messaging.ClientMessenger.MessageTemplate> waTemplates() {
    return posting.whatsappTemplates();
  }

  @PostMapping("/chats/{id}/template")
  String template(@PathVariable Long id, @RequestParam(required = false) String template,
      @RequestParam(name = "parameter", required = false) List<String> parameters, Authentication auth, Model model) {
    model.addAttribute("messages", List.of(posting.postTemplate(id, Viewers.of(auth), template, parameters)));
    model.addAttribute("mayDelete", false);
    return "workspace/fragments/messages";
  }

  @PostMapping("/chats/{id}/sms")
  String sms(@PathVariable Long id, @RequestParam(required = false) Long templateId, @RequestParam(required = false) String text,
      Authentication auth, Model model) {
    model.addAttribute("messages", List.of(posting.sendSms(id, Viewers.of(auth), templateId, text)));
    model.addAttribute("mayDelete", false);
    return "workspace/fragments/messages";
  }

  @PostMapping("/chats/{id}/call")
  ResponseEntity<Void> call(@PathVariable Long id, Authentication auth) {
    posting.callClient(id, Viewers.of(auth));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/chats/{id}/read")
  ResponseEntity<Void> read(@PathVariable Long id, @RequestParam long upTo, Authentication auth) {
    readState.markRead(id, Viewers.of(auth), upTo);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/chats/messages/{messageId}/readers")
  String readers(@PathVariable Long messageId, Authentication auth, Model model) {
    model.addAttribute("readers", readState.readers(messageId, Viewers.of(auth)));
    return "workspace/fragments/readers";
  }

  @PostMapping("/chats/messages/{messageId}/delete")
  ResponseEntity<String> delete(@PathVariable Long messageId, Authentication auth) {
    deletion.delete(messageId, Viewers.of(auth));
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body("<div class=\"msg deleted\">Сообщение удалено</div>");
  }

  @GetMapping(path = "/chats/unread-count", produces = MediaType.TEXT_PLAIN_VALUE)
  @ResponseBody
  String unreadCount(Authentication auth) {
    long unread = readState.unreadTotal(Viewers.of(auth));
    return unread == 0 ? "" : String.valueOf(unread);
  }

  /** The badges of the chats a page lists (the communicator's tree, a counterparty's chats), for the live page script. */
  @GetMapping(path = "/chats/unread", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  java.util.Map<Long, Long> unreadByChat(@RequestParam(name = "ids", required = false) List<Long> ids, Authentication auth) {
    return readState.unreadByChat(Viewers.of(auth), ids == null ? List.of() : ids);
  }

  @GetMapping("/chats/attachments/{id}")
  ResponseEntity<byte[]> attachment(@PathVariable Long id, Authentication auth) {
    ChatAttachment file = reading.attachment(id, Viewers.of(auth));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.getFileName(),
            java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .contentType(MediaType.parseMediaType(file.getContentType()))
        .body(file.getContent());
  }

  @GetMapping("/counterparties/{id}/chats")
  String counterpartyChats(@PathVariable Long id, Authentication auth, Model model) {
    model.addAttribute("deals", counterpartyChats.chatsOfCounterparty(id, Viewers.of(auth)));
    return "workspace/fragments/counterparty-chats";
  }

  @GetMapping("/counterparties/{id}/feed")
  String feed(@PathVariable Long id, Authentication auth, Model model) {
    model.addAttribute("messages", counterpartyChats.feed(id, Viewers.of(auth), 100));
    return "workspace/fragments/feed";
  }

  private static List<Upload> uploads(List<MultipartFile> files) {
    if (files == null) {
      return List.of();
    }
    return files.stream().filter(f -> !f.isEmpty()).map(f -> {
      try {
        return new Upload(f.getOriginalFilename() == null ? "файл" : f.getOriginalFilename(),
            f.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : f.getContentType(), f.getBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).toList();
  }
}
