package ru.voronka.documents.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealService;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.Viewers;
import ru.voronka.documents.DealDocuments;
import ru.voronka.documents.DocumentSending;
import ru.voronka.documents.DocumentType;
import ru.voronka.documents.DocumentVersionView;
import ru.voronka.documents.StoredFile;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/** DOC-1 over REST: a deal's documents with the same access rules as the deal (its API's {@link DealService#get}). */
@Tag(name = "Документы", description = "КП, счёт, договор, счёт-договор, ТОРГ-12, акт, УПД сделки: версии, PDF, подписанные сканы, отправка клиенту")
@RestController
@RequestMapping("/api")
class DocumentController {

  private final DealService deals;
  private final DealDocuments documents;
  private final DocumentSending sending;

  DocumentController(DealService deals, DealDocuments documents, DocumentSending sending) {
    this.deals = deals;
    this.documents = documents;
    this.sending = sending;
  }

  record MakeRequest(@Parameter(description = "KP, INVOICE, CONTRACT, INVOICE_CONTRACT, WAYBILL, ACT или UPD") DocumentType type,
      String reason) {}

  record SendRequest(DocumentSending.Channel channel, String email) {}

  record Sent(Long versionId, String recipient) {}

  @Operation(summary = "Документы сделки: все версии, новые первыми (без содержимого)")
  @GetMapping("/deals/{id}/documents")
  List<DocumentVersionView> list(@PathVariable Long id, Authentication auth) {
    deals.get(id, Viewers.of(auth));
    return documents.versions(id);
  }

  @Operation(summary = "Сформировать документ: новая версия (прежние остаются); ответ — новая версия",
      description = "Тело: {\"type\": \"INVOICE\", \"reason\": \"Изменилось количество\"}. Ответственный по сделке или РОП. "
          + "409 — не заполнен реквизит компании (сообщение называет его) или в сделке нет позиций.")
  @PostMapping("/deals/{id}/documents")
  ResponseEntity<DocumentVersionView> make(@PathVariable Long id, @RequestBody MakeRequest request, Authentication auth) {
    Viewer viewer = manager(id, auth);
    if (request == null || request.type() == null) {
      throw new DomainException(Kind.INVALID, "Укажите вид документа (type): KP, INVOICE, CONTRACT, INVOICE_CONTRACT, WAYBILL, ACT, UPD");
    }
    DocumentVersionView made = documents.make(id, request.type(), viewer.userId(), request.reason());
    return ResponseEntity.created(URI.create("/api/documents/" + made.id() + "/pdf")).body(made);
  }

  @Operation(summary = "Загрузить подписанный клиентом скан акта или УПД (PDF, JPEG, PNG; тип — по содержимому)")
  @PostMapping(path = "/deals/{id}/documents/signed", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<DocumentVersionView> signed(@PathVariable Long id, @RequestParam DocumentType type,
      @RequestPart("file") MultipartFile file, Authentication auth) throws IOException {
    Viewer viewer = manager(id, auth);
    DocumentVersionView signed = documents.addSigned(id, type, file.getOriginalFilename(), file.getBytes(), viewer.userId());
    return ResponseEntity.created(URI.create("/api/documents/" + signed.id() + "/pdf")).body(signed);
  }

  @Operation(summary = "Файл версии документа: PDF (или скан) для просмотра в браузере; ?download=true — для скачивания")
  @GetMapping("/documents/{versionId}/pdf")
  ResponseEntity<byte[]> pdf(@PathVariable Long versionId, @RequestParam(defaultValue = "false") boolean download,
      Authentication auth) {
    StoredFile file = documents.file(versionId)
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Документ №" + versionId + " не найден"));
    deals.get(file.dealId(), Viewers.of(auth)); // the deal's own rule: who may not see it learns nothing of it
    return file(file, download);
  }

  @Operation(summary = "Отправить версию документа клиенту: CHAT — в чат «Клиент WhatsApp» (ссылкой), EMAIL — письмом с вложением")
  @PostMapping("/documents/{versionId}/send")
  Sent send(@PathVariable Long versionId, @RequestBody SendRequest request, Authentication auth) {
    if (request == null || request.channel() == null) {
      throw new DomainException(Kind.INVALID, "Укажите канал (channel): CHAT или EMAIL");
    }
    return new Sent(versionId, sending.send(versionId, request.channel(), request.email(), Viewers.of(auth)));
  }

  static ResponseEntity<byte[]> file(StoredFile file, boolean download) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, (download ? ContentDisposition.attachment() : ContentDisposition.inline())
            .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(file.content());
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
