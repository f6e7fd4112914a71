package ru.voronka.documents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import ru.voronka.documents.DocumentFixtures.Line;

/** {@code -Ddocuments.samples=/tmp/samples} writes every document as a PDF to look at (pdftoppm turns them into PNGs). */
@EnabledIfSystemProperty(named = "documents.samples", matches = ".+")
class DocumentSamplesTest {

  @Test
  void write_samples() throws Exception {
    Path dir = Files.createDirectories(Path.of(System.getProperty("documents.samples")));
    DocumentFixtures fixtures = new DocumentFixtures();
    List<Line> lines = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      lines.add(new Line("Манометр ДМ-02 0–" + i + ",6 МПа с радиальным штуцером", "шт", String.valueOf(i * 2), "1530.50"));
    }
    for (DocumentType type : DocumentType.values()) {
      byte[] pdf = fixtures.pdf(type, DocumentFixtures.company(VatRate.TWENTY_TWO, true), lines);
      Files.write(dir.resolve(type.name() + ".pdf"), pdf);
      try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
        javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 90), "png",
            dir.resolve(type.name() + ".png").toFile());
      }
    }
  }
}
