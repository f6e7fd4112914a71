package ru.voronka.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.voronka.documents.DocumentFixtures.Line;

/** The PDFs read back: PDFBox extracts the text, and ZXing reads the QR codes off the rendered page. */
class DocumentPdfTest {

  static final DocumentFixtures FIXTURES = new DocumentFixtures();

  static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replace('\u00a0', ' ');
    }
  }

  static List<String> qrCodes(byte[] pdf, int page) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(page, 200);
      Result[] found = new QRCodeMultiReader().decodeMultiple(
          new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.TRY_HARDER, true));
      return Arrays.stream(found).map(Result::getText).toList();
    }
  }

  @Test
  void an_invoice_carries_both_parties_requisites_its_lines_vat_and_the_total_in_words() throws Exception {
    byte[] pdf = FIXTURES.pdf(DocumentType.INVOICE, DocumentFixtures.company(VatRate.TWENTY_TWO, false), List.of(
        new Line("Манометр ДМ-02 0–1,6 МПа", "шт", "10", "1500.00"),
        new Line("Клапан предохранительный 17с28нж", "шт", "2", "11.11")));
    String text = text(pdf);
    assertThat(text).contains("Счёт на оплату № 17 от «04» декабря 2026 г.")
        .contains("ООО «Воронка-Снаб»").contains("7712345678").contains("771201001").contains("044525225")
        .contains("40702810938000012345").contains("30101810400000000225").contains("ПАО «Сбербанк», г. Москва")
        .contains("ООО «ТехноПром»").contains("7701234567").contains("770101001")
        .contains("Манометр ДМ-02 0–1,6 МПа").contains("15 000,00").contains("22,22")
        .contains("Итого:").contains("15 022,22")
        // 15 022,22 × 22 / 122 = 2 708,93 (line by line: 2 704,92 + 4,01)
        .contains("В том числе НДС (22%):").contains("2 708,93")
        .contains("Пятнадцать тысяч двадцать два рубля 22 копейки")
        .contains("Иванов Иван Иванович");
  }

  @Test
  void without_vat_the_invoice_says_so() throws Exception {
    String text = text(FIXTURES.pdf(DocumentType.INVOICE, DocumentFixtures.company(VatRate.NONE, false),
        List.of(new Line("Поверка манометра", "усл. ед", "1", "1.00"))));
    assertThat(text).contains("Без налога (НДС)").doesNotContain("В том числе НДС").contains("Один рубль 00 копеек");
  }

  @Test
  void awkward_sums_are_written_in_words_as_accountants_write_them() throws Exception {
    for (var c : List.of(new String[] {"1.00", "Один рубль 00 копеек"}, new String[] {"21.01", "Двадцать один рубль 01 копейка"},
        new String[] {"1000000.00", "Один миллион рублей 00 копеек"},
        new String[] {"2022.22", "Две тысячи двадцать два рубля 22 копейки"})) {
      String text = text(FIXTURES.pdf(DocumentType.ACT, DocumentFixtures.company(VatRate.NONE, false),
          List.of(new Line("Работы", "усл. ед", "1", c[0]))));
      assertThat(text).as(c[0]).contains(c[1]);
    }
  }

  @Test
  void the_invoice_page_gives_back_the_join_link_and_the_payment_string() throws Exception {
    byte[] pdf = FIXTURES.pdf(DocumentType.INVOICE, DocumentFixtures.company(VatRate.TWENTY_TWO, true),
        List.of(new Line("Манометр", "шт", "3", "674.07")));
    assertThat(text(pdf)).contains("Группа сделки №42 в WhatsApp");
    List<String> codes = qrCodes(pdf, 0);
    assertThat(codes).contains(DocumentFixtures.JOIN_LINK);
    assertThat(codes).anySatisfy(code -> assertThat(code).startsWith("ST00012|Name=ООО «Воронка-Снаб»|PersonalAcc=40702810938000012345")
        .contains("|BankName=ПАО «Сбербанк», г. Москва|BIC=044525225|CorrespAcc=30101810400000000225|Sum=202221|")
        .contains("|Purpose=Оплата по счёту № 17 от 04.12.2026").contains("|PayeeINN=7712345678").endsWith("|KPP=771201001"));
  }

  @ParameterizedTest
  @EnumSource(DocumentType.class)
  void every_document_renders_with_its_join_qr(DocumentType type) throws Exception {
    byte[] pdf = FIXTURES.pdf(type, DocumentFixtures.company(VatRate.TWENTY, false),
        List.of(new Line("Манометр", "шт", "2", "1000.00")));
    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    String text = text(pdf);
    assertThat(text).contains("ООО «ТехноПром»").contains("2 000,00");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(qrCodes(pdf, doc.getNumberOfPages() - 1)).contains(DocumentFixtures.JOIN_LINK);
    }
  }
}
