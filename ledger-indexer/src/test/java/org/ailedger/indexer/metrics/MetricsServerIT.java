package org.ailedger.indexer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.ailedger.indexer.api.AnswerCache;
import org.ailedger.indexer.api.ApiConfig;
import org.ailedger.indexer.api.ApiVerticle;
import org.ailedger.indexer.ingest.IngestStatus;
import org.ailedger.indexer.ingest.NewHeadsState;
import org.ailedger.indexer.store.Cursor;
import org.ailedger.indexer.store.Database;
import org.ailedger.indexer.store.Engine;
import org.ailedger.indexer.store.LedgerQueries;
import org.ailedger.indexer.store.LedgerWriter;
import org.ailedger.indexer.store.QueryPool;
import org.ailedger.indexer.store.SampleEvents;
import org.ailedger.indexer.store.TestStores;
import org.ailedger.indexer.stream.EventStreams;
import org.ailedger.indexer.stream.StreamConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The REST API and the metrics server on real sockets over a filled SQLite store: every request is
 * timed under its route's template and status, never its raw path; store failures on reads and the
 * ingester's state show; {@code /metrics} is the only path the metrics server serves.
 */
class MetricsServerIT {
  private static final String MODEL = SampleEvents.MODEL.toHexString();

  @RegisterExtension final TestStores stores = new TestStores();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final AtomicReference<IngestStatus> status =
      new AtomicReference<>(new IngestStatus.Following(Optional.of(at(4)), 4));
  private Vertx vertx;
  private Database database;
  private int apiPort;
  private int metricsPort;

  @BeforeEach
  void serve() throws Exception {
    database = stores.open(Engine.SQLITE);
    LedgerWriter writer = new LedgerWriter(database);
    writer.seedGenesis(SampleEvents.genesis());
    writer.commit(SampleEvents.everyEventBatch());

    IndexerMetrics metrics = IndexerMetrics.create();
    metrics.watch(status::get);
    vertx = Vertx.vertx();
    QueryPool pool = new QueryPool(vertx, new LedgerQueries(database), 2);
    // as the indexer wires it: the writer would tell the cache of every head it commits
    AnswerCache answers = new AnswerCache();
    answers.committed(at(4));
    ApiVerticle api =
        new ApiVerticle(
            ApiConfig.of("127.0.0.1", 0),
            pool,
            status::get,
            () -> NewHeadsState.NOT_CONFIGURED,
            new EventStreams(StreamConfig.defaults(), pool),
            metrics.api(),
            answers);
    MetricsVerticle server = metrics.server(MetricsConfig.on("127.0.0.1", 0));
    vertx.deployVerticle(api).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    vertx
        .deployVerticle(server)
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    apiPort = api.actualPort();
    metricsPort = server.actualPort();
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void everyRequestIsTimedUnderItsRouteTemplateAndStatus() throws Exception {
    assertThat(get(apiPort, "/v1/models").statusCode()).isEqualTo(200);
    assertThat(get(apiPort, "/v1/models?limit=1").statusCode()).isEqualTo(200);
    assertThat(get(apiPort, "/v1/models/" + MODEL).statusCode()).isEqualTo(200);
    assertThat(get(apiPort, "/v1/models/" + MODEL + "/rounds/1").statusCode()).isEqualTo(200);
    assertThat(get(apiPort, "/v1/models/0x12").statusCode()).isEqualTo(400);
    assertThat(get(apiPort, "/v1/no/such/path").statusCode()).isEqualTo(404);
    assertThat(get(apiPort, "/v1/health").statusCode()).isEqualTo(200);

    Scrape scrape = scrape();

    String requests = "ailedger_indexer_http_request_seconds_count";
    assertThat(scrape.value(requests, "route", "/v1/models", "status", "200")).isEqualTo(2);
    assertThat(scrape.value(requests, "route", "/v1/models/{modelId}", "status", "200"))
        .isEqualTo(1);
    assertThat(
            scrape.value(requests, "route", "/v1/models/{modelId}/rounds/{round}", "status", "200"))
        .isEqualTo(1);
    assertThat(scrape.value(requests, "route", "/v1/models/{modelId}", "status", "400"))
        .isEqualTo(1);
    assertThat(scrape.value(requests, "route", "unmatched", "status", "404")).isEqualTo(1);
    assertThat(scrape.value(requests, "route", "/v1/health", "status", "200")).isEqualTo(1);
    assertThat(
            scrape.value(
                "ailedger_indexer_http_request_seconds_bucket",
                "route",
                "/v1/models",
                "status",
                "200",
                "le",
                "+Inf"))
        .isEqualTo(2);
    assertThat(scrape.text()).doesNotContain(MODEL, "0x12", "/v1/no/such/path");
  }

  @Test
  void answersFromTheCacheAndFromTheStoreAreCounted() throws Exception {
    assertThat(get(apiPort, "/v1/models").statusCode()).isEqualTo(200);
    assertThat(get(apiPort, "/v1/models").statusCode()).isEqualTo(200);
    assertThat(get(apiPort, "/v1/models?limit=1").statusCode()).isEqualTo(200);

    Scrape scrape = scrape();

    String cache = "ailedger_indexer_answer_cache_requests_total";
    assertThat(scrape.value(cache, "result", "hit")).isEqualTo(1);
    assertThat(scrape.value(cache, "result", "miss")).isEqualTo(2);
  }

  @Test
  void aFailingStoreIsCountedOnTheReadSide() throws Exception {
    database.close();

    assertThat(get(apiPort, "/v1/models").statusCode()).isEqualTo(500);

    Scrape scrape = scrape();
    assertThat(scrape.value("ailedger_indexer_store_errors_total", "operation", "read"))
        .isEqualTo(1);
    assertThat(
            scrape.value(
                "ailedger_indexer_http_request_seconds_count",
                "route",
                "/v1/models",
                "status",
                "500"))
        .isEqualTo(1);
  }

  @Test
  void theStateGaugeNamesTheIngestersStateAsHealthDoes() throws Exception {
    assertThat(scrape().value("ailedger_indexer_status", "status", "ok")).isEqualTo(1);
    assertThat(scrape().value("ailedger_indexer_status", "status", "halted")).isZero();

    status.set(new IngestStatus.Halted(Optional.of(at(4)), "another chain"));

    Scrape halted = scrape();
    assertThat(halted.value("ailedger_indexer_status", "status", "halted")).isEqualTo(1);
    for (String other : StatusMeters.STATES) {
      if (!other.equals("halted")) {
        assertThat(halted.value("ailedger_indexer_status", "status", other)).as(other).isZero();
      }
    }
  }

  @Test
  void theMetricsServerServesOnlyGetMetrics() throws Exception {
    HttpResponse<String> metrics = get(metricsPort, "/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("content-type")).contains(MetricsVerticle.CONTENT_TYPE);
    assertThat(get(metricsPort, "/").statusCode()).isEqualTo(404);
    assertThat(get(metricsPort, "/v1/models").statusCode()).isEqualTo(404);
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  private Scrape scrape() throws Exception {
    HttpResponse<String> answer = get(metricsPort, "/metrics");
    assertThat(answer.statusCode()).isEqualTo(200);
    return Scrape.of(answer.body());
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(20))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Cursor at(long block) {
    return new Cursor(block, SampleEvents.blockHash(block));
  }
}
