package org.ailedger.indexer.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.ailedger.indexer.ingest.IngestStatus;
import org.ailedger.indexer.ingest.NewHeadsState;
import org.ailedger.indexer.store.Cursor;
import org.ailedger.indexer.store.Database;
import org.ailedger.indexer.store.LedgerQueries;
import org.ailedger.indexer.store.QueryPool;
import org.ailedger.indexer.stream.EventStreams;
import org.ailedger.indexer.stream.StreamConfig;

/** The REST API served on port 0 over a store, and a plain HTTP client of it; close after use. */
final class ApiServer implements AutoCloseable {
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Vertx vertx = Vertx.vertx();
  private final int port;

  ApiServer(Database database, Cursor head) throws Exception {
    // a cache no writer tells of a head keeps nothing: every request reads the store
    this(database, head, new AnswerCache());
  }

  /** Serving answers from {@code answers} when its head is the one a request would read. */
  ApiServer(Database database, Cursor head, AnswerCache answers) throws Exception {
    IngestStatus status = new IngestStatus.Following(Optional.of(head), head.blockNumber());
    QueryPool pool = new QueryPool(vertx, new LedgerQueries(database), 2);
    ApiVerticle api =
        new ApiVerticle(
            new ApiConfig("127.0.0.1", 0, ApiConfig.DEFAULT_MIN_BLOCK_WAIT),
            pool,
            () -> status,
            () -> NewHeadsState.NOT_CONFIGURED,
            new EventStreams(StreamConfig.defaults(), pool),
            ApiObserver.NONE,
            answers);
    vertx.deployVerticle(api).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    port = api.actualPort();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A GET with one request header, e.g. {@code If-None-Match}. */
  HttpResponse<String> get(String path, String header, String value) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header(header, value)
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A request with another method and no body, e.g. {@code HEAD}. */
  HttpResponse<String> send(String method, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The 200 answer's JSON. */
  JsonObject json(String path) throws Exception {
    HttpResponse<String> answer = get(path);
    assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(200);
    return new JsonObject(answer.body());
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
