package org.ailedger.indexer.app;

import io.vertx.core.Vertx;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.ailedger.indexer.api.AnswerCache;
import org.ailedger.indexer.api.ApiObserver;
import org.ailedger.indexer.api.ApiVerticle;
import org.ailedger.indexer.event.EventDecoder;
import org.ailedger.indexer.ingest.GenesisReader;
import org.ailedger.indexer.ingest.IngestLoop;
import org.ailedger.indexer.ingest.IngestObserver;
import org.ailedger.indexer.ingest.IngestStatus;
import org.ailedger.indexer.ingest.Ingester;
import org.ailedger.indexer.ingest.JsonRpcChainSource;
import org.ailedger.indexer.ingest.JsonRpcClient;
import org.ailedger.indexer.ingest.NewHeadsState;
import org.ailedger.indexer.ingest.NewHeadsWatcher;
import org.ailedger.indexer.metrics.IndexerMetrics;
import org.ailedger.indexer.metrics.MetricsVerticle;
import org.ailedger.indexer.store.Database;
import org.ailedger.indexer.store.LedgerQueries;
import org.ailedger.indexer.store.LedgerWriter;
import org.ailedger.indexer.store.QueryPool;
import org.ailedger.indexer.stream.EventStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running indexer: the store, the ingestion loop following the node and the REST API over the
 * store, started together and closed in reverse order (API first, so no request outlives the
 * store).
 */
public final class LedgerIndexer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerIndexer.class);
  private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(30);

  private final Database database;
  private final Ingester ingester;
  private final IngestLoop loop;
  private final Vertx vertx;
  private final QueryPool pool;
  private final ApiVerticle api;
  private final Optional<MetricsVerticle> metrics;
  private final Optional<NewHeadsWatcher> heads;

  private LedgerIndexer(
      Database database,
      Ingester ingester,
      IngestLoop loop,
      Vertx vertx,
      QueryPool pool,
      ApiVerticle api,
      Optional<MetricsVerticle> metrics,
      Optional<NewHeadsWatcher> heads) {
    this.database = database;
    this.ingester = ingester;
    this.loop = loop;
    this.vertx = vertx;
    this.pool = pool;
    this.api = api;
    this.metrics = metrics;
    this.heads = heads;
  }

  /** Opens (or migrates) the store, starts following the node and serves the API. */
  public static LedgerIndexer start(IndexerConfig config) {
    Database database = Database.open(config.store());
    Vertx vertx = null;
    IngestLoop loop = null;
    try {
      Optional<IndexerMetrics> meters =
          config.metrics().enabled() ? Optional.of(IndexerMetrics.create()) : Optional.empty();
      JsonRpcChainSource chain =
          new JsonRpcChainSource(
              new JsonRpcClient(config.rpc(), HttpClient.newHttpClient(), config.rpcTimeout()));
      vertx = Vertx.vertx();
      LedgerQueries queries = new LedgerQueries(database);
      QueryPool pool = new QueryPool(vertx, queries, config.store().readers());
      // the writer wakes the event streams after each commit: no polling of the outbox
      EventStreams streams = new EventStreams(config.stream(), pool);
      // and moves the REST answers' cache to the new head first, so no client told of the block
      // by the stream or the status is served an answer from before it
      AnswerCache answers = new AnswerCache();
      queries.cursor().ifPresent(answers::committed);
      Ingester ingester =
          new Ingester(
              chain,
              new GenesisReader(chain),
              new LedgerWriter(
                  database,
                  config.stream().outboxRetentionBlocks(),
                  cursor -> {
                    answers.committed(cursor);
                    streams.committed(cursor);
                  }),
              EventDecoder.nativeContracts(),
              config.ingest(),
              meters.map(IndexerMetrics::ingest).orElse(IngestObserver.NONE));
      loop = new IngestLoop(ingester);
      IngestLoop woken = loop;
      Vertx onVertx = vertx;
      Optional<NewHeadsWatcher> heads =
          config.ws().map(ws -> new NewHeadsWatcher(onVertx, ws, woken::wake, config.ingest()));
      ApiVerticle api =
          new ApiVerticle(
              config.api(),
              pool,
              ingester::status,
              heads
                  .<Supplier<NewHeadsState>>map(watcher -> watcher::state)
                  .orElse(() -> NewHeadsState.NOT_CONFIGURED),
              streams,
              meters.map(IndexerMetrics::api).orElse(ApiObserver.NONE),
              answers);
      await(vertx.deployVerticle(api).toCompletionStage().toCompletableFuture());
      Optional<MetricsVerticle> metrics = Optional.empty();
      if (meters.isPresent()) {
        meters.get().watch(ingester::status);
        MetricsVerticle server = meters.get().server(config.metrics());
        await(vertx.deployVerticle(server).toCompletionStage().toCompletableFuture());
        metrics = Optional.of(server);
      }
      loop.start();
      heads.ifPresent(NewHeadsWatcher::start);
      LOG.info("indexer following {} into {}", config.rpc(), config.store().location().describe());
      return new LedgerIndexer(database, ingester, loop, vertx, pool, api, metrics, heads);
    } catch (RuntimeException e) {
      if (vertx != null) {
        vertx.close();
      }
      if (loop != null) {
        loop.close();
      }
      database.close();
      throw e;
    }
  }

  public int apiPort() {
    return api.actualPort();
  }

  /** The port of {@code /metrics}, if metrics are enabled. */
  public Optional<Integer> metricsPort() {
    return metrics.map(MetricsVerticle::actualPort);
  }

  public IngestStatus status() {
    return ingester.status();
  }

  /** Stops serving, lets the ingest step in progress commit or roll back, and closes the store. */
  @Override
  public void close() {
    heads.ifPresent(NewHeadsWatcher::close);
    try {
      await(vertx.close().toCompletionStage().toCompletableFuture());
    } catch (RuntimeException e) {
      LOG.warn("closing the REST server failed: {}", e.getMessage());
    }
    pool.close();
    loop.close();
    database.close();
    LOG.info(
        "indexer stopped at block {}",
        ingester.status().cursor().map(c -> Long.toString(c.blockNumber())).orElse("none"));
  }

  private static void await(java.util.concurrent.CompletableFuture<?> future) {
    try {
      future.get(DEPLOY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "the indexer's REST server failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the indexer's REST server did not start in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the REST server", e);
    }
  }
}
