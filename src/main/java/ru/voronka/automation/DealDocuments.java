package ru.voronka.automation;

import java.util.List;
import java.util.Optional;

/**
 * The port through which a stage action attaches «the deal's latest documents of chosen types»
 * (issue 17, item 5). The documents module implements it when it exists; until then
 * {@link NoDealDocuments} answers that there are none, and the run says so in the deal's history.
 */
public interface DealDocuments {

  /** A document file as it goes to the client. */
  record DocumentFile(String fileName, String contentType, byte[] content) {}

  /** The kinds offered in the form (code → title), e.g. KP → «КП». */
  List<Kind> kinds();

  /** The deal's latest document of that kind, if any. */
  Optional<DocumentFile> latest(Long dealId, String kind);

  record Kind(String code, String title) {}
}
