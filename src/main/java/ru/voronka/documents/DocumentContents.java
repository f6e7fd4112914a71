package ru.voronka.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.voronka.deals.Deal;
import ru.voronka.deals.KpLine;
import ru.voronka.deals.KpLineRepository;
import ru.voronka.directory.Counterparty;
import ru.voronka.directory.Employee;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;
import ru.voronka.whatsapp.DealGroups;

/**
 * What a template prints, as plain strings already formatted the Russian way (a template then needs
 * no Java): seller, buyer, lines, VAT, totals, the sum in words, the QR codes and their captions.
 */
@Component
class DocumentContents {

  private static final Locale RU = Locale.forLanguageTag("ru-RU");
  private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("«dd» MMMM yyyy 'г.'", RU);
  /** ОКЕИ codes of the usual units, for ТОРГ-12 and УПД. */
  private static final Map<String, String> OKEI = Map.of("шт", "796", "кг", "166", "м", "006", "т", "168", "л", "112",
      "компл", "839", "усл. ед", "876", "ч", "356", "м2", "055", "упак", "778");

  private final KpLineRepository kpLines;
  private final DealGroups groups;
  private final CompanySettings company;
  private final BuyerDirectory buyers;

  DocumentContents(KpLineRepository kpLines, DealGroups groups, CompanySettings company, BuyerDirectory buyers) {
    this.kpLines = kpLines;
    this.groups = groups;
    this.company = company;
    this.buyers = buyers;
  }

  /** A line as printed: what, how many, at what price (VAT included, as in 1C's documents). */
  record Line(String code, String name, String unit, BigDecimal quantity, BigDecimal price, BigDecimal amount) {}

  List<Line> lines(Deal deal) {
    List<Line> lines = new ArrayList<>();
    for (KpLine l : kpLines.findByDealIdOrderByLineNo(deal.getId())) {
      BigDecimal quantity = l.getQuantity() == null ? BigDecimal.ONE : l.getQuantity();
      BigDecimal price = l.getPrice() == null ? BigDecimal.ZERO : l.getPrice();
      BigDecimal amount = l.getTotal() != null ? l.getTotal() : price.multiply(quantity);
      lines.add(new Line(l.getCode(), l.getName(), l.getUnit() == null || l.getUnit().isBlank() ? "шт" : l.getUnit(), quantity,
          price, amount.setScale(2, RoundingMode.HALF_UP)));
    }
    if (lines.isEmpty()) {
      if (deal.getAmount() == null || deal.getAmount().signum() <= 0) {
        throw new DomainException(Kind.CONFLICT, "В сделке №" + deal.getId()
            + " нет ни товарных позиций, ни суммы: документ не из чего составить");
      }
      lines.add(new Line(null, deal.getTitle(), "усл. ед", BigDecimal.ONE, deal.getAmount(),
          deal.getAmount().setScale(2, RoundingMode.HALF_UP)));
    }
    return lines;
  }

  Map<String, Object> model(Deal deal, DocumentRegistry.Head head, int version, CompanyRequisites seller, List<Line> lines) {
    Map<String, Object> m = new HashMap<>();
    VatRate vat = seller.vatRate();
    m.put("doc", Map.of("type", head.type().name(), "title", head.type().title(), "number", String.valueOf(head.number()),
        "date", RussianFormats.date(head.date()), "longDate", LONG_DATE.format(head.date()), "version", String.valueOf(version)));
    m.put("deal", Map.of("id", String.valueOf(deal.getId()), "title", deal.getTitle()));
    m.put("seller", seller(seller));
    m.put("buyer", buyer(deal.getCounterparty()));
    List<Map<String, String>> rows = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal vatTotal = BigDecimal.ZERO;
    int no = 1;
    for (Line l : lines) {
      BigDecimal lineVat = vat.includedIn(l.amount());
      BigDecimal net = l.amount().subtract(lineVat);
      BigDecimal netPrice = l.quantity().signum() == 0 ? BigDecimal.ZERO : net.divide(l.quantity(), 2, RoundingMode.HALF_UP);
      Map<String, String> row = new LinkedHashMap<>();
      row.put("no", String.valueOf(no++));
      row.put("code", l.code() == null ? "" : l.code());
      row.put("name", l.name());
      row.put("unit", l.unit());
      row.put("okei", OKEI.getOrDefault(l.unit().replace(".", "").strip(), ""));
      row.put("quantity", quantity(l.quantity()));
      row.put("price", money(l.price()));
      row.put("amount", money(l.amount()));
      row.put("netPrice", money(netPrice));
      row.put("net", money(net));
      row.put("vat", vat.charged() ? money(lineVat) : "без НДС");
      row.put("vatRate", vat.column());
      rows.add(row);
      total = total.add(l.amount());
      vatTotal = vatTotal.add(lineVat);
    }
    m.put("lines", rows);
    Map<String, String> totals = new LinkedHashMap<>();
    totals.put("total", money(total));
    totals.put("net", money(total.subtract(vatTotal)));
    totals.put("vat", vat.charged() ? money(vatTotal) : "—");
    totals.put("vatCharged", String.valueOf(vat.charged()));
    totals.put("vatLine", vat.charged() ? "В том числе НДС (" + vat.column() + "):" : "Без налога (НДС)");
    totals.put("vatTitle", vat.title());
    totals.put("vatPhrase", vat.charged() ? "в том числе НДС " + vat.column() + " — " + money(vatTotal) + " руб." : "НДС не облагается.");
    totals.put("words", SumInWords.of(total));
    totals.put("count", String.valueOf(rows.size()));
    totals.put("countWords", SumInWords.noun(rows.size(), "наименование", "наименования", "наименований"));
    m.put("totals", totals);
    m.put("vatCharged", vat.charged());
    Map<String, String> qr = new LinkedHashMap<>();
    String join = groups.joinLink(deal.getId());
    qr.put("join", QrCodes.dataUri(join));
    qr.put("joinLink", join);
    qr.put("joinCaption", "Группа сделки №" + deal.getId() + " в WhatsApp: наведите камеру телефона, чтобы написать нам");
    boolean invoice = head.type() == DocumentType.INVOICE || head.type() == DocumentType.INVOICE_CONTRACT;
    if (invoice && seller.paymentQr()) {
      String payment = PaymentQr.of(seller, total, "Оплата по счёту № " + head.number() + " от " + RussianFormats.date(head.date())
          + (vat.charged() ? ", в т.ч. НДС " + vat.column() + " " + money(vatTotal) + " руб." : ", без НДС"));
      qr.put("payment", QrCodes.dataUri(payment));
      qr.put("paymentText", payment);
      qr.put("paymentCaption", "Оплата по QR-коду: отсканируйте в приложении банка");
    }
    m.put("qr", qr);
    m.put("manager", manager(deal.getResponsible()));
    LocalDate validUntil = head.date().plusDays(seller.kpValidDays());
    m.put("kpValidUntil", RussianFormats.date(validUntil));
    m.put("kpValidDays", String.valueOf(seller.kpValidDays()));
    m.put("deliveryDate", deal.getDeliveryDate() == null ? "" : RussianFormats.date(deal.getDeliveryDate()));
    Map<String, String> images = new HashMap<>();
    if (seller.hasLogo()) {
      company.image(CompanySettings.Image.LOGO).ifPresent(b -> images.put("logo", QrCodes.dataUri(b)));
    }
    if (seller.hasStamp()) {
      company.image(CompanySettings.Image.STAMP).ifPresent(b -> images.put("stamp", QrCodes.dataUri(b)));
    }
    if (seller.hasSignature()) {
      company.image(CompanySettings.Image.SIGNATURE).ifPresent(b -> images.put("signature", QrCodes.dataUri(b)));
    }
    m.put("images", images);
    return m;
  }

  private static Map<String, String> seller(CompanyRequisites c) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("name", c.name());
    s.put("inn", c.inn());
    s.put("kpp", nz(c.kpp()));
    s.put("ogrn", nz(c.ogrn()));
    s.put("address", nz(c.legalAddress()));
    s.put("postalAddress", nz(c.postalAddress() == null ? c.legalAddress() : c.postalAddress()));
    s.put("phone", nz(c.phone()));
    s.put("email", nz(c.email()));
    s.put("bank", nz(c.bankName()));
    s.put("bik", nz(c.bik()));
    s.put("account", nz(c.account()));
    s.put("corrAccount", nz(c.corrAccount()));
    s.put("director", nz(c.director()));
    s.put("directorTitle", c.directorTitle() == null ? "Генеральный директор" : c.directorTitle());
    s.put("accountant", c.accountant() == null ? nz(c.director()) : c.accountant());
    s.put("innKpp", c.inn() + (c.kpp() == null ? "" : " / " + c.kpp()));
    return s;
  }

  private Map<String, String> buyer(Counterparty counterparty) {
    Map<String, String> b = new LinkedHashMap<>();
    BuyerRequisites r = counterparty == null ? BuyerRequisites.NONE : buyers.of(counterparty.getId());
    b.put("name", counterparty == null ? "" : counterparty.getName());
    String inn = counterparty == null || counterparty.getInn() == null ? "" : counterparty.getInn();
    b.put("inn", inn);
    b.put("kpp", nz(r.kpp()));
    b.put("ogrn", nz(r.ogrn()));
    b.put("address", nz(r.legalAddress()));
    b.put("bank", nz(r.bankName()));
    b.put("bik", nz(r.bik()));
    b.put("account", nz(r.account()));
    b.put("corrAccount", nz(r.corrAccount()));
    b.put("innKpp", inn + (r.kpp() == null ? "" : " / " + r.kpp()));
    return b;
  }

  private static Map<String, String> manager(Employee e) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("name", e == null ? "" : e.getFullName());
    String phone = e == null ? null : e.getOfficePhone() != null ? e.getOfficePhone() : e.getMobilePhone();
    m.put("phone", nz(phone));
    m.put("email", e == null ? "" : nz(e.getEmail()));
    return m;
  }

  static String money(BigDecimal amount) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(RU);
    symbols.setGroupingSeparator('\u00a0');
    symbols.setDecimalSeparator(',');
    return new DecimalFormat("#,##0.00", symbols).format(amount.setScale(2, RoundingMode.HALF_UP));
  }

  private static String quantity(BigDecimal q) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(RU);
    symbols.setGroupingSeparator('\u00a0');
    symbols.setDecimalSeparator(',');
    return new DecimalFormat("#,##0.###", symbols).format(q);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
