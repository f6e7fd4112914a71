package ru.voronka.automation;

import java.util.List;
import java.util.Optional;

/**
 * Until the documents module implements {@link DealDocuments} (a bean of it replaces this): the usual
 * kinds, none of them kept yet.
 */
class NoDealDocuments implements DealDocuments {

  @Override
  public List<Kind> kinds() {
    return List.of(new Kind("KP", "КП"), new Kind("INVOICE", "Счёт"), new Kind("CONTRACT", "Договор"),
        new Kind("INVOICE_CONTRACT", "Счёт-договор"), new Kind("ACT", "Акт"), new Kind("UPD", "УПД"),
        new Kind("WAYBILL", "Накладная"));
  }

  @Override
  public Optional<DocumentFile> latest(Long dealId, String kind) {
    return Optional.empty();
  }
}
