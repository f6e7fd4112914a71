package ru.voronka.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import ru.voronka.support.PostgresIT;

/**
 * Numbers and versions under concurrency on PostgreSQL: many documents made at once get distinct
 * numbers with no gap, and many versions of one document distinct version numbers under one number.
 */
class DocumentNumberingIT extends PostgresIT {

  /**
   * Each maker holds two connections at once — its transaction and the numbering's own, which keeps the
   * counter locked only for the moment — so fewer makers than half the pool (the tier's 16), or they
   * would wait for each other's connections.
   */
  static final int THREADS = 4;

  @Autowired DocumentRegistry registry;
  @Autowired TransactionTemplate transactions;

  @Test
  void documents_made_at_once_get_distinct_numbers_without_gaps() throws Exception {
    long firstDeal = 9_100_000L + System.nanoTime() % 100_000 * 100;
    List<Callable<Integer>> work = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      long deal = firstDeal + i;
      work.add(() -> transactions.execute(status -> {
        DocumentRegistry.Head head = registry.ensure(deal, DocumentType.WAYBILL);
        registry.addVersion(head, DocumentStatus.MADE, "IT", "it", "w.pdf", "application/pdf", ("%PDF-" + deal).getBytes());
        return head.number();
      }));
    }
    List<Integer> numbers = runAtOnce(work);
    Collections.sort(numbers);
    assertThat(numbers).doesNotHaveDuplicates().hasSize(40);
    assertThat(numbers.get(39) - numbers.get(0)).as("no gap").isEqualTo(39);
  }

  @Test
  void versions_of_one_document_made_at_once_are_numbered_one_by_one_and_all_kept() throws Exception {
    long deal = 9_200_000L + System.nanoTime() % 100_000;
    List<Callable<Integer>> work = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      int n = i;
      work.add(() -> transactions.execute(status -> {
        DocumentRegistry.Head head = registry.ensure(deal, DocumentType.INVOICE);
        return registry.addVersion(head, DocumentStatus.MADE, "версия " + n, "it", "i.pdf", "application/pdf",
            ("%PDF-" + n).getBytes()).version();
      }));
    }
    List<Integer> versions = runAtOnce(work);
    Collections.sort(versions);
    assertThat(versions).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 24).boxed().toList());
    List<DocumentVersionView> kept = registry.versions(deal);
    assertThat(kept).hasSize(24);
    assertThat(kept.stream().map(DocumentVersionView::number).distinct()).hasSize(1);
    assertThat(kept.stream().map(DocumentVersionView::sha256).distinct()).hasSize(24);
  }

  private static List<Integer> runAtOnce(List<Callable<Integer>> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (Callable<Integer> task : work) {
        futures.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      List<Integer> results = new ArrayList<>();
      for (Future<Integer> f : futures) {
        results.add(f.get(120, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
