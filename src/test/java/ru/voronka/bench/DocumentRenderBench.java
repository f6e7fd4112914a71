package ru.voronka.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import ru.voronka.documents.DocumentFixtures;
import ru.voronka.documents.DocumentFixtures.Line;
import ru.voronka.documents.DocumentType;
import ru.voronka.documents.VatRate;

/**
 * DOC-1's rendering cost: a one-page invoice (join QR and payment QR) and a three-page УПД (join QR),
 * the whole path from the deal's lines to the PDF's bytes (model, Freemarker, openhtmltopdf with the
 * embedded font subset, ZXing) — median and p99 per page; then 50 documents at once.
 * {@code -Dbench.renders=N} (default 60) renders of each after 15 warm-up renders.
 */
class DocumentRenderBench {

  static final DocumentFixtures FIXTURES = new DocumentFixtures();

  @Test
  void render_times_per_page_and_fifty_at_once() throws Exception {
    int renders = Integer.getInteger("bench.renders", 60);
    var company = DocumentFixtures.company(VatRate.TWENTY_TWO, true);
    List<Line> invoiceLines = lines(5);
    List<Line> updLines = linesFor(DocumentType.UPD, 3);
    System.out.printf("DocumentRenderBench: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    measure("Счёт на оплату (5 строк, 2 QR)", DocumentType.INVOICE, company, invoiceLines, renders);
    measure("Счёт на оплату (5 строк, QR группы, без QR оплаты)", DocumentType.INVOICE, DocumentFixtures.company(VatRate.TWENTY_TWO,
        false), invoiceLines, renders);
    measure("Акт (5 строк, QR группы)", DocumentType.ACT, company, invoiceLines, renders);
    measure("УПД (" + updLines.size() + " строк, QR)", DocumentType.UPD, company, updLines, renders);

    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      for (int round = 0; round < 2; round++) { // the first round warms the pool's threads
        long start = System.nanoTime();
        List<Future<byte[]>> made = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          DocumentType type = i % 2 == 0 ? DocumentType.INVOICE : DocumentType.ACT;
          made.add(pool.submit(() -> FIXTURES.pdf(type, company, invoiceLines)));
        }
        long bytes = 0;
        for (Future<byte[]> f : made) {
          bytes += f.get().length;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (round == 1) {
          System.out.printf("50 документов сразу (счета и акты, 50 потоков): %.2f с, %.1f док/с, %d КБ%n", seconds, 50 / seconds,
              bytes / 1024);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void measure(String title, DocumentType type, ru.voronka.documents.CompanyRequisites company, List<Line> lines,
      int renders) throws Exception {
    for (int i = 0; i < 15; i++) {
      FIXTURES.pdf(type, company, lines);
    }
    int pages = pages(FIXTURES.pdf(type, company, lines));
    double[] perPage = new double[renders];
    double[] cpuPerPage = new double[renders];
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < renders; i++) {
      long start = System.nanoTime();
      long cpu = threads.getCurrentThreadCpuTime();
      FIXTURES.pdf(type, company, lines);
      cpuPerPage[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / pages;
      perPage[i] = (System.nanoTime() - start) / 1e6 / pages;
    }
    Arrays.sort(perPage);
    Arrays.sort(cpuPerPage);
    int p99 = (int) Math.ceil(renders * 0.99) - 1;
    // The CPU time of the rendering thread: what a page costs even while other processes share the cores.
    System.out.printf("%s: %d стр., на страницу медиана %.1f мс, p99 %.1f мс; процессор потока: медиана %.1f мс, p99 %.1f мс"
        + " (%d прогонов)%n", title, pages, perPage[renders / 2], perPage[p99], cpuPerPage[renders / 2], cpuPerPage[p99], renders);
  }

  private static List<Line> lines(int n) {
    List<Line> lines = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      lines.add(new Line("Манометр ДМ-02 0–" + i + ",6 МПа, радиальный штуцер М20×1,5", "шт", String.valueOf(i), "1530.50"));
    }
    return lines;
  }

  /** As many lines as fill the wanted number of pages. */
  private static List<Line> linesFor(DocumentType type, int pages) throws Exception {
    var company = DocumentFixtures.company(VatRate.TWENTY_TWO, false);
    for (int n = 10; n < 200; n += 2) {
      if (pages(FIXTURES.pdf(type, company, lines(n))) >= pages) {
        return lines(n);
      }
    }
    throw new IllegalStateException("No " + pages + " pages");
  }

  private static int pages(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return doc.getNumberOfPages();
    }
  }
}
