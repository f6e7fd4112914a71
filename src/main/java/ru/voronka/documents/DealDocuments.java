package ru.voronka.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealHistory;
import ru.voronka.deals.DealNotFoundException;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.DocumentSet;
import ru.voronka.deals.HistoryKind;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * The documents' port: a deal's documents made (a new version each time; the earlier ones stay),
 * listed, read, and the client's signed scans taken in. Callers check who may see the deal; this
 * port checks the documents themselves (requisites, content, the scans' type and size).
 */
@Service
@Transactional
public class DealDocuments {

  private static final Logger log = LoggerFactory.getLogger(DealDocuments.class);

  private final DealRepository deals;
  private final DocumentRegistry registry;
  private final DocumentContents contents;
  private final DocumentTemplates templates;
  private final PdfRenderer renderer;
  private final CompanySettings company;
  private final DealHistory history;
  private final DocumentProperties properties;

  DealDocuments(DealRepository deals, DocumentRegistry registry, DocumentContents contents, DocumentTemplates templates,
      PdfRenderer renderer, CompanySettings company, DealHistory history, DocumentProperties properties) {
    this.deals = deals;
    this.registry = registry;
    this.contents = contents;
    this.templates = templates;
    this.renderer = renderer;
    this.company = company;
    this.history = history;
    this.properties = properties;
  }

  /** The documents a set from {@code document-set.dmn} consists of. */
  public static List<DocumentType> typesOf(DocumentSet set) {
    if (set == null) {
      return List.of(DocumentType.CONTRACT, DocumentType.INVOICE);
    }
    return switch (set) {
      case CONTRACT_AND_INVOICE -> List.of(DocumentType.CONTRACT, DocumentType.INVOICE);
      case INVOICE_CONTRACT -> List.of(DocumentType.INVOICE_CONTRACT);
      case INVOICE -> List.of(DocumentType.INVOICE);
    };
  }

  @Transactional(readOnly = true)
  public List<DocumentVersionView> versions(Long dealId) {
    return registry.versions(dealId);
  }

  @Transactional(readOnly = true)
  public Optional<DocumentVersionView> version(Long versionId) {
    return registry.version(versionId);
  }

  @Transactional(readOnly = true)
  public Optional<StoredFile> file(Long versionId) {
    return registry.file(versionId);
  }

  /** Whether the deal has a version of this document made by Voronka. */
  @Transactional(readOnly = true)
  public boolean has(Long dealId, DocumentType type) {
    return registry.latest(dealId, type, DocumentStatus.MADE).isPresent();
  }

  /** The client's signed scans of this document uploaded for the deal, newest first. */
  @Transactional(readOnly = true)
  public List<DocumentVersionView> signed(Long dealId, DocumentType type) {
    return registry.versions(dealId).stream().filter(v -> v.type() == type && v.status() == DocumentStatus.SIGNED).toList();
  }

  /** Whether at least one signed scan of this document was uploaded for the deal. */
  @Transactional(readOnly = true)
  public boolean hasSigned(Long dealId, DocumentType type) {
    return registry.latest(dealId, type, DocumentStatus.SIGNED).isPresent();
  }

  /**
   * The task that takes the signed act or УПД may be completed only with its scan uploaded (FUN-8).
   *
   * @throws DomainException «Загрузите скан подписанного акта» (or УПД) when there is none
   */
  @Transactional(readOnly = true)
  public void requireSigned(Long dealId, DocumentType type) {
    if (!hasSigned(dealId, type)) {
      throw new DomainException(Kind.INVALID, "Загрузите скан подписанного " + type.signedGenitive()
          + " (PDF, JPEG или PNG) — без него задачу не завершить");
    }
  }

  /** A new version of the deal's document of this type, rendered now from the deal and the requisites. */
  public DocumentVersionView make(Long dealId, DocumentType type, String actor, String reason) {
    Deal deal = deals.findById(dealId).orElseThrow(() -> new DealNotFoundException(dealId));
    CompanyRequisites seller = company.requireComplete();
    var lines = contents.lines(deal);
    DocumentRegistry.Head head = registry.ensure(dealId, type);
    int next = registry.versions(dealId).stream().filter(v -> v.type() == type).mapToInt(DocumentVersionView::version)
        .max().orElse(0) + 1;
    byte[] pdf = renderer.render(templates.html(type, contents.model(deal, head, next, seller, lines)));
    String fileName = type.fileTitle() + "_" + head.number() + "_от_" + RussianFormats.date(head.date()) + ".pdf";
    String why = reason == null || reason.isBlank() ? "Сформирован вручную" : reason.strip();
    DocumentVersionView made = registry.addVersion(head, DocumentStatus.MADE, why, actor, fileName, "application/pdf", pdf);
    history.record(dealId, actor, HistoryKind.DOCUMENT, "Сформирован документ «" + type.title() + " № " + head.number() + " от "
        + RussianFormats.date(head.date()) + "», версия " + made.version() + ": " + why);
    return made;
  }

  /**
   * For the funnel: the documents of its step. A document that cannot be made (a requisite missing,
   * no lines) does not stop the deal: the history says why, and the manager makes it from the tab.
   */
  public List<DocumentVersionView> makeForProcess(Long dealId, List<DocumentType> types, String reason, String actor) {
    List<DocumentVersionView> made = new ArrayList<>();
    for (DocumentType type : types) {
      try {
        made.add(make(dealId, type, actor, reason));
      } catch (DomainException refused) {
        log.info("Deal {}: {} not made: {}", dealId, type, refused.getMessage());
        history.recordFailure(dealId, actor, HistoryKind.DOCUMENT, "Документ «" + type.title() + "» не сформирован: "
            + refused.getMessage());
      } catch (org.springframework.dao.DataAccessException database) {
        throw database; // the transaction is gone: the step fails as a whole and is tried again
      } catch (RuntimeException broken) { // a broken template of an installation's folder, a rendering fault
        log.error("Deal {}: {} not made", dealId, type, broken);
        history.recordFailure(dealId, actor, HistoryKind.DOCUMENT, "Документ «" + type.title() + "» не сформирован из-за ошибки: "
            + broken.getMessage() + ". Сообщите администратору; документ можно сформировать позже на вкладке «Документы».");
      }
    }
    return made;
  }

  /**
   * The client's signed act or УПД (FUN-8): a PDF, JPEG or PNG — told by its first bytes, not its name —
   * up to {@code voronka.documents.max-scan-bytes}, kept as a «Подписан» version of the document.
   */
  public DocumentVersionView addSigned(Long dealId, DocumentType type, String originalName, byte[] content, String actor) {
    if (!type.signedByClient()) {
      throw new DomainException(Kind.INVALID, "Подписанный скан принимается для акта и УПД, не для «" + type.title() + "»");
    }
    if (content == null || content.length == 0) {
      throw new DomainException(Kind.INVALID, "Выберите файл со сканом подписанного документа");
    }
    if (content.length > properties.maxScanBytes()) {
      throw new DomainException(Kind.TOO_LARGE, "Скан больше " + properties.maxScanBytes() / (1024 * 1024)
          + " МБ: уменьшите разрешение или сожмите файл");
    }
    String contentType = ScanTypes.detect(content).orElseThrow(() -> new DomainException(Kind.INVALID,
        "Файл «" + (originalName == null ? "" : originalName) + "» не PDF, не JPEG и не PNG — такие сканы не принимаются"));
    deals.findById(dealId).orElseThrow(() -> new DealNotFoundException(dealId));
    DocumentRegistry.Head head = registry.ensure(dealId, type);
    String fileName = type.fileTitle() + "_" + head.number() + "_подписан." + ScanTypes.extension(contentType);
    DocumentVersionView signed = registry.addVersion(head, DocumentStatus.SIGNED,
        "Скан, подписанный клиентом" + (originalName == null || originalName.isBlank() ? "" : " («" + originalName.strip() + "»)"),
        actor, fileName, contentType, content);
    history.record(dealId, actor, HistoryKind.DOCUMENT, "Получен подписанный клиентом документ «" + type.title() + " № "
        + head.number() + "», версия " + signed.version());
    return signed;
  }
}
