package org.ailedger.indexer.api;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.ailedger.indexer.ingest.IngestStatus;
import org.ailedger.indexer.store.Cursor;

/**
 * Lets a client read its own writes: a request naming {@code minBlock} proceeds once the ingester's
 * cursor reaches that block, checked on event-loop timers against the in-memory status (no JDBC, no
 * thread held), or fails after a bounded wait with a 503 problem saying how far behind it is.
 */
final class MinBlockGate {
  private static final long CHECK_EVERY_MILLIS = 50;

  private final Vertx vertx;
  private final Supplier<IngestStatus> status;
  private final Duration wait;

  MinBlockGate(Vertx vertx, Supplier<IngestStatus> status, Duration wait) {
    this.vertx = vertx;
    this.status = status;
    this.wait = wait;
  }

  Future<Void> reached(long minBlock) {
    if (indexed() >= minBlock) {
      return Future.succeededFuture();
    }
    Promise<Void> reached = Promise.promise();
    long deadline = System.nanoTime() + wait.toNanos();
    vertx.setPeriodic(
        CHECK_EVERY_MILLIS,
        timer -> {
          long indexed = indexed();
          if (indexed >= minBlock) {
            vertx.cancelTimer(timer);
            reached.tryComplete();
          } else if (System.nanoTime() - deadline >= 0) {
            vertx.cancelTimer(timer);
            reached.tryFail(behind(minBlock, indexed));
          }
        });
    return reached.future();
  }

  private long indexed() {
    return status.get().cursor().map(Cursor::blockNumber).orElse(-1L);
  }

  private ProblemException behind(long minBlock, long indexed) {
    return new ProblemException(
        Problem.notIndexedYet(
            "block "
                + minBlock
                + " is not indexed yet: the indexer is at block "
                + indexed
                + ", "
                + (minBlock - indexed)
                + " behind, after waiting "
                + wait.toMillis()
                + " ms; try again",
            Map.of(
                "minBlock",
                minBlock,
                "indexedBlock",
                indexed,
                "blocksBehind",
                minBlock - indexed)));
  }
}
