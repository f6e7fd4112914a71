package ru.voronka.documents.api;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.voronka.documents.DealDocuments;
import ru.voronka.documents.PublicDocumentLinks;
import ru.voronka.documents.StoredFile;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/** The document a client opens from the link in their chat or mail: only with the version's signed token. */
@RestController
class PublicDocumentController {

  private final DealDocuments documents;
  private final PublicDocumentLinks links;

  PublicDocumentController(DealDocuments documents, PublicDocumentLinks links) {
    this.documents = documents;
    this.links = links;
  }

  @GetMapping("/public/documents/{versionId}")
  ResponseEntity<byte[]> open(@PathVariable Long versionId, @RequestParam(name = "t", required = false) String token) {
    if (!links.valid(versionId, token)) {
      throw new DomainException(Kind.NOT_FOUND, "Документ не найден: ссылка неверна");
    }
    StoredFile file = documents.file(versionId).orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Документ не найден"));
    return DocumentController.file(file, false);
  }
}
