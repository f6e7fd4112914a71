package ru.voronka.documents;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.automation.DealDocuments;

/** A stage action's «latest documents of the deal» (issue 17): the newest version Voronka made of each kind. */
@Component
class StageActionDocuments implements DealDocuments {

  private final DocumentRegistry registry;

  StageActionDocuments(DocumentRegistry registry) {
    this.registry = registry;
  }

  @Override
  public List<Kind> kinds() {
    return Arrays.stream(DocumentType.values()).map(t -> new Kind(t.name(), t.fileTitle())).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<DocumentFile> latest(Long dealId, String kind) {
    return Arrays.stream(DocumentType.values()).filter(t -> t.name().equals(kind)).findFirst()
        .flatMap(type -> registry.latest(dealId, type, DocumentStatus.MADE))
        .flatMap(version -> registry.file(version.id()))
        .map(file -> new DocumentFile(file.fileName(), file.contentType(), file.content()));
  }
}
