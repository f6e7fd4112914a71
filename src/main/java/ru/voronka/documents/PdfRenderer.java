package ru.voronka.documents;

import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/** HTML/CSS to PDF with openhtmltopdf; DejaVu Sans (Cyrillic, open licence, fonts/DejaVu-LICENSE.txt) embedded. */
@Component
class PdfRenderer {

  static final String FONT = "DejaVu Sans";
  /** The fonts' metrics, read once for all documents instead of at each (openhtmltopdf's cache is thread-safe). */
  private final FSDefaultCacheStore fontMetrics = new FSDefaultCacheStore();
  private final byte[] regular = font("fonts/DejaVuSans.ttf");
  private final byte[] bold = font("fonts/DejaVuSans-Bold.ttf");

  byte[] render(String xhtml) {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, fontMetrics);
      builder.useFont(() -> new java.io.ByteArrayInputStream(regular), FONT, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
      builder.useFont(() -> new java.io.ByteArrayInputStream(bold), FONT, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
      builder.withHtmlContent(xhtml, null);
      builder.toStream(pdf);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pdf.toByteArray();
  }

  private static byte[] font(String path) {
    try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Font missing from the classpath: " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
