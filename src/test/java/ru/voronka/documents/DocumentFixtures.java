package ru.voronka.documents;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ru.voronka.deals.Deal;
import ru.voronka.deals.KpLine;
import ru.voronka.deals.KpLineRepository;
import ru.voronka.directory.Counterparty;
import ru.voronka.whatsapp.DealGroups;

/** Renders documents without Spring: the real templates, renderer and contents over a deal of test lines. */
public final class DocumentFixtures {

  public static final long DEAL = 42L;
  public static final String JOIN_LINK = "https://wa.me/74956498447?text=%D0%A5%D0%BE%D1%87%D1%83%20%E2%84%9642%2C%20%D0%BA%D0%BE%D0%B4%20AbCdEf123456";

  public static CompanyRequisites company(VatRate vat, boolean paymentQr) {
    return new CompanyRequisites("ООО «Воронка-Снаб»", "7712345678", "771201001", "1157746000001",
        "119021, г. Москва, ул. Льва Толстого, д. 16", null, "+7 495 649-84-47", "sales@voronka.local",
        "ПАО «Сбербанк», г. Москва", "044525225", "40702810938000012345", "30101810400000000225", "Иванов Иван Иванович",
        "Генеральный директор", "Петрова Анна Сергеевна", vat, paymentQr, 10, false, false, false);
  }

  public record Line(String name, String unit, String quantity, String price) {}

  private final KpLineRepository kpLines = mock(KpLineRepository.class);
  private final DealGroups groups = mock(DealGroups.class);
  private final CompanySettings settings = mock(CompanySettings.class);
  private final BuyerDirectory buyers = mock(BuyerDirectory.class);
  private final DocumentContents contents = new DocumentContents(kpLines, groups, settings, buyers);
  private final DocumentTemplates templates;
  private final PdfRenderer renderer = new PdfRenderer();

  public DocumentFixtures() {
    try {
      templates = new DocumentTemplates(new DocumentProperties(null, null, null));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    when(groups.joinLink(anyLong())).thenReturn(JOIN_LINK);
    when(settings.image(any())).thenReturn(Optional.empty());
    when(buyers.of(any())).thenReturn(new BuyerRequisites("770101001", "1027700000002", "101000, г. Москва, ул. Мясницкая, д. 1",
        "АО «Альфа-Банк»", "044525593", "40702810000000000001", "30101810200000000593"));
  }

  public byte[] pdf(DocumentType type, CompanyRequisites company, List<Line> lines) {
    Deal deal = mock(Deal.class);
    when(deal.getId()).thenReturn(DEAL);
    when(deal.getTitle()).thenReturn("Манометры для котельной");
    Counterparty client = new Counterparty("ООО «ТехноПром»", "7701234567", "Москва");
    when(deal.getCounterparty()).thenReturn(client);
    List<KpLine> kp = new ArrayList<>();
    int no = 1;
    for (Line l : lines) {
      kp.add(new KpLine(DEAL, no++, "A-" + no, l.name(), l.unit(), new BigDecimal(l.quantity()), new BigDecimal(l.price()), "test"));
    }
    when(kpLines.findByDealIdOrderByLineNo(DEAL)).thenReturn(kp);
    var head = new DocumentRegistry.Head(1L, DEAL, type, 17, LocalDate.of(2026, 12, 4));
    return renderer.render(templates.html(type, contents.model(deal, head, 1, company, contents.lines(deal))));
  }
}
