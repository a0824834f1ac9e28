package org.ailedger.indexer.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.function.Function;

/**
 * The named, bounded worker pool every read runs on, so a Vert.x handler can query the store
 * without blocking its event loop: {@code pool.read(q -> q.cursor()).onSuccess(...)}.
 */
public final class QueryPool implements AutoCloseable {
  public static final String NAME = "indexer-db";

  private final WorkerExecutor workers;
  private final LedgerQueries queries;

  public QueryPool(Vertx vertx, LedgerQueries queries, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads < 1: " + threads);
    }
    this.workers = vertx.createSharedWorkerExecutor(NAME, threads);
    this.queries = queries;
  }

  public <T> Future<T> read(Function<LedgerQueries, T> query) {
    return workers.executeBlocking(() -> query.apply(queries), false);
  }

  @Override
  public void close() {
    workers.close();
  }
}
