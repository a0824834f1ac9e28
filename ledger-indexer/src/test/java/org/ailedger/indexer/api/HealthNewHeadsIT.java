package org.ailedger.indexer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.ailedger.indexer.ingest.IngestConfig;
import org.ailedger.indexer.ingest.IngestStatus;
import org.ailedger.indexer.ingest.NewHeadsState;
import org.ailedger.indexer.ingest.NewHeadsWatcher;
import org.ailedger.indexer.store.Database;
import org.ailedger.indexer.store.Engine;
import org.ailedger.indexer.store.LedgerQueries;
import org.ailedger.indexer.store.QueryPool;
import org.ailedger.indexer.store.SampleEvents;
import org.ailedger.indexer.store.TestStores;
import org.ailedger.indexer.stream.EventStreams;
import org.ailedger.indexer.stream.StreamConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /v1/health}'s {@code newHeads}: a real {@link NewHeadsWatcher} against a WebSocket server
 * on a real port that answers {@code eth_subscribe} as a node does, then goes away, then refuses
 * the subscription, then accepts it again; each state as the API serves it, held to {@code
 * /openapi.json}.
 */
class HealthNewHeadsIT {
  @RegisterExtension final TestStores stores = new TestStores();

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final Vertx vertx = Vertx.vertx();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<ServerWebSocket> sockets = new CopyOnWriteArrayList<>();
  private volatile String refusal;
  private HttpServer node;
  private NewHeadsWatcher watcher;
  private int apiPort;

  @AfterEach
  void stop() throws Exception {
    if (watcher != null) {
      watcher.close();
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void healthFollowsTheSubscriptionThroughLossRefusalAndReturn() throws Exception {
    int nodePort = startNode(0);
    // back-off of 50 ms doubling to 200 ms: each state shows within a second
    IngestConfig backoff =
        new IngestConfig(10, Duration.ofMillis(500), Duration.ofMillis(50), Duration.ofMillis(200));
    watcher =
        new NewHeadsWatcher(vertx, URI.create("ws://127.0.0.1:" + nodePort), () -> {}, backoff);
    serve(watcher::state);
    OpenApiContract contract = new OpenApiContract(get("/openapi.json").body());

    watcher.start();
    JsonObject connected = await("connected", h -> true);
    assertThat(connected).isEqualTo(new JsonObject().put("state", "connected"));
    contract.assertConforms("/v1/health", 200, "application/json", health().encode());

    // the node goes away: its connections close and new ones are refused
    node.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    for (ServerWebSocket socket : sockets) {
      socket.close();
    }
    JsonObject lost = await("reconnecting", h -> h.getInteger("attempt") >= 2);
    assertThat(lost.getString("lastError")).startsWith("cannot connect");
    assertThat(lost.getLong("retryInMillis")).isBetween(50L, 200L);
    contract.assertConforms("/v1/health", 200, "application/json", health().encode());

    // back, but refusing the subscription with a JSON-RPC error
    refusal = "subscriptions disabled";
    startNode(nodePort);
    JsonObject refused =
        await("reconnecting", h -> h.getString("lastError").contains("refused the subscription"));
    assertThat(refused.getString("lastError")).contains("subscriptions disabled");
    contract.assertConforms("/v1/health", 200, "application/json", health().encode());

    refusal = null;
    await("connected", h -> true);
  }

  @Test
  void withoutWsHealthSaysNotConfigured() throws Exception {
    serve(() -> NewHeadsState.NOT_CONFIGURED);
    OpenApiContract contract = new OpenApiContract(get("/openapi.json").body());

    JsonObject health = health();
    assertThat(health.getJsonObject("newHeads"))
        .isEqualTo(new JsonObject().put("state", "not-configured"));
    contract.assertConforms("/v1/health", 200, "application/json", health.encode());
    // the document holds reconnecting to its reason
    health.put("newHeads", new JsonObject().put("state", "reconnecting"));
    assertThatThrownBy(
            () -> contract.assertConforms("/v1/health", 200, "application/json", health.encode()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("lastError");
  }

  /**
   * A WebSocket endpoint that answers eth_subscribe with a subscription id, or {@link #refusal}.
   */
  private int startNode(int port) throws Exception {
    node =
        vertx
            .createHttpServer()
            .webSocketHandler(
                socket -> {
                  sockets.add(socket);
                  socket.textMessageHandler(
                      text -> {
                        JsonObject request = new JsonObject(text);
                        JsonObject answer =
                            new JsonObject()
                                .put("jsonrpc", "2.0")
                                .put("id", request.getValue("id"));
                        String refused = refusal;
                        if (refused == null) {
                          answer.put("result", "0x1");
                        } else {
                          answer.put(
                              "error",
                              new JsonObject().put("code", -32601).put("message", refused));
                        }
                        socket.writeTextMessage(answer.encode());
                      });
                })
            .listen(port, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    return node.actualPort();
  }

  private void serve(Supplier<NewHeadsState> newHeads) throws Exception {
    Database database = stores.open(Engine.SQLITE);
    IngestStatus status =
        new IngestStatus.Following(Optional.of(SampleEvents.genesisBlock().cursor()), 0);
    QueryPool pool = new QueryPool(vertx, new LedgerQueries(database), 1);
    ApiVerticle api =
        new ApiVerticle(
            new ApiConfig("127.0.0.1", 0, ApiConfig.DEFAULT_MIN_BLOCK_WAIT),
            pool,
            () -> status,
            newHeads,
            new EventStreams(StreamConfig.defaults(), pool),
            ApiObserver.NONE);
    vertx.deployVerticle(api).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    apiPort = api.actualPort();
  }

  /** Polls health until its newHeads is in {@code state} and {@code also} holds. */
  private JsonObject await(String state, Predicate<JsonObject> also) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    JsonObject newHeads;
    do {
      newHeads = health().getJsonObject("newHeads");
      if (newHeads.getString("state").equals(state) && also.test(newHeads)) {
        return newHeads;
      }
      Thread.sleep(20);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("newHeads never became " + state + "; last " + newHeads);
  }

  private JsonObject health() throws Exception {
    HttpResponse<String> answer = get("/v1/health");
    assertThat(answer.statusCode()).isEqualTo(200);
    return new JsonObject(answer.body());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
