package ru.voronka.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealService;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.Viewers;
import ru.voronka.documents.DealDocuments;
import ru.voronka.documents.DocumentSending;
import ru.voronka.documents.DocumentType;
import ru.voronka.documents.StoredFile;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * The deal card's «Документы» tab: «Сформировать», the signed scans, sending, and each version's file
 * for the browser's preview or download. Every action answers with a redirect to the tab, which htmx
 * follows and swaps in; the message travels as a flash attribute.
 */
@Controller
class DealDocumentsPageController {

  private final DealService deals;
  private final DealDocuments documents;
  private final DocumentSending sending;

  DealDocumentsPageController(DealService deals, DealDocuments documents, DocumentSending sending) {
    this.deals = deals;
    this.documents = documents;
    this.sending = sending;
  }

  @GetMapping("/deals/{id}/documents/{versionId}")
  ResponseEntity<byte[]> file(@PathVariable Long id, @PathVariable Long versionId,
      @RequestParam(defaultValue = "false") boolean download, Authentication auth) {
    deals.get(id, Viewers.of(auth));
    StoredFile file = documents.file(versionId).filter(f -> f.dealId().equals(id))
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Документ №" + versionId + " не найден"));
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, (download ? ContentDisposition.attachment() : ContentDisposition.inline())
            .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
        // Shown in the tab's frame by the browser's PDF viewer: its own policy instead of the pages' (no plugins there).
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; object-src 'self'; "
            + "frame-ancestors 'self'")
        .header("X-Content-Type-Options", "nosniff")
        .body(file.content());
  }

  @PostMapping("/deals/{id}/documents")
  String make(@PathVariable Long id, @RequestParam(required = false) DocumentType type,
      @RequestParam(required = false) String reason, Authentication auth, RedirectAttributes redirect) {
    Viewer viewer = manager(id, auth);
    if (type == null) {
      throw new DomainException(Kind.INVALID, "Выберите, какой документ сформировать");
    }
    var made = documents.make(id, type, viewer.userId(), reason);
    redirect.addFlashAttribute("done", "Сформирован «" + type.title() + " № " + made.number() + "», версия " + made.version());
    return "redirect:/deals/" + id + "/tab/documents";
  }

  @PostMapping("/deals/{id}/documents/signed")
  String signed(@PathVariable Long id, @RequestParam(required = false) DocumentType type,
      @RequestParam(name = "file", required = false) MultipartFile file, Authentication auth, RedirectAttributes redirect)
      throws IOException {
    Viewer viewer = manager(id, auth);
    if (type == null || file == null || file.isEmpty()) {
      throw new DomainException(Kind.INVALID, "Выберите документ (акт или УПД) и файл со сканом");
    }
    var signed = documents.addSigned(id, type, file.getOriginalFilename(), file.getBytes(), viewer.userId());
    redirect.addFlashAttribute("done", "Подписанный скан сохранён: «" + type.title() + " № " + signed.number() + "», версия "
        + signed.version() + " — «Подписан»");
    return "redirect:/deals/" + id + "/tab/documents";
  }

  @PostMapping("/deals/{id}/documents/{versionId}/send")
  String send(@PathVariable Long id, @PathVariable Long versionId, @RequestParam DocumentSending.Channel channel,
      @RequestParam(required = false) String email, Authentication auth, RedirectAttributes redirect) {
    documents.version(versionId).filter(v -> v.dealId().equals(id))
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Документ №" + versionId + " не найден"));
    String to = sending.send(versionId, channel, email, Viewers.of(auth));
    redirect.addFlashAttribute("done", "Документ отправлен: " + to);
    return "redirect:/deals/" + id + "/tab/documents";
  }

  private Viewer manager(Long dealId, Authentication auth) {
    Viewer viewer = Viewers.of(auth);
    Deal deal = deals.get(dealId, viewer);
    if (!viewer.mayManage(deal)) {
      throw new DomainException(Kind.FORBIDDEN, "Документы сделки формирует ответственный по ней или РОП");
    }
    return viewer;
  }
}
