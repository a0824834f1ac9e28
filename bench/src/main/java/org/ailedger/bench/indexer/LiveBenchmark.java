package org.ailedger.bench.indexer;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.ailedger.indexer.api.ApiConfig;
import org.ailedger.indexer.app.IndexerConfig;
import org.ailedger.indexer.app.LedgerIndexer;
import org.ailedger.indexer.ingest.IngestConfig;
import org.ailedger.indexer.ingest.IngestStatus;
import org.ailedger.indexer.metrics.MetricsConfig;
import org.ailedger.indexer.store.StoreConfig;
import org.ailedger.indexer.store.StoreLocation;
import org.ailedger.indexer.stream.StreamConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How soon a block's events are served while the chain is under load. Runs the whole indexer
 * in-process (store, ingester woken by {@code newHeads}, REST API, event stream) following a node,
 * and watches it as a client would:
 *
 * <ul>
 *   <li>its own {@code newHeads} subscription to the same node gives each block's announcement (the
 *       moment the node has committed it) and header timestamp;
 *   <li>for each announced block a REST request with {@code minBlock} gives the moment REST serves
 *       it;
 *   <li>one event stream gives the moment the block's first event arrives over SSE.
 * </ul>
 *
 * Only blocks with events count. It writes {@code --ready-file} once caught up, and reports when
 * {@code --stop-file} appears (the load generator, run beside it, has finished).
 */
@Command(
    name = "indexer-live",
    mixinStandardHelpOptions = true,
    description = "Measures block -> REST and block -> SSE latency of a live indexer.")
public final class LiveBenchmark implements Callable<Integer> {
  /** Blocks remembered per run; a run of minutes has far fewer. */
  private static final int MAX_BLOCKS = 100_000;

  @Option(names = "--rpc", required = true, description = "The node's JSON-RPC over HTTP.")
  URI rpc;

  @Option(names = "--ws", required = true, description = "The node's JSON-RPC over WebSocket.")
  URI ws;

  @Mixin StoreOptions store;

  @Option(names = "--ready-file", required = true, description = "Written once caught up.")
  Path readyFile;

  @Option(names = "--stop-file", required = true, description = "Reports once this exists.")
  Path stopFile;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Map<Long, Long> announced = new ConcurrentHashMap<>();
  private final Map<Long, Long> timestamps = new ConcurrentHashMap<>();
  private final Map<Long, Long> servedRest = new ConcurrentHashMap<>();
  private final Map<Long, Long> servedSse = new ConcurrentHashMap<>();
  private volatile long restFailures;

  @Override
  public Integer call() throws Exception {
    BenchStores stores = store.stores();
    StoreLocation location = stores.fresh("live");
    IndexerConfig config =
        new IndexerConfig(
            rpc,
            IndexerConfig.DEFAULT_RPC_TIMEOUT,
            StoreConfig.of(location),
            ApiConfig.of("127.0.0.1", 0),
            IngestConfig.defaults(),
            MetricsConfig.disabled(),
            Optional.of(ws),
            StreamConfig.defaults());
    try (LedgerIndexer indexer = LedgerIndexer.start(config)) {
      while (!(indexer.status() instanceof IngestStatus.Following following
          && following.caughtUp())) {
        Thread.sleep(100);
      }
      String base = "http://127.0.0.1:" + indexer.apiPort();
      streamEvents(base);
      WebSocket heads = watchHeads(base);
      Files.writeString(readyFile, base + "\n");
      System.out.println("live: indexer caught up, serving on " + base + "; waiting for the load");
      while (!Files.exists(stopFile)) {
        Thread.sleep(200);
      }
      heads.abort();
      report();
    }
    return 0;
  }

  /** The stream from now on: the arrival of each block's first event. */
  private void streamEvents(String base) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/events/stream")).build();
    http.sendAsync(
        request,
        HttpResponse.BodyHandlers.fromLineSubscriber(
            new java.util.concurrent.Flow.Subscriber<String>() {
              @Override
              public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
              }

              @Override
              public void onNext(String line) {
                if (line.startsWith("id: ")) {
                  long now = System.nanoTime();
                  long block = Long.parseLong(line.substring(4, line.indexOf(':', 4)));
                  if (servedSse.size() < MAX_BLOCKS) {
                    servedSse.putIfAbsent(block, now);
                  }
                }
              }

              @Override
              public void onError(Throwable throwable) {
                System.err.println("live: the event stream failed: " + throwable);
              }

              @Override
              public void onComplete() {}
            }));
  }

  /** The node's announcements; each one asks REST for that block with minBlock. */
  private WebSocket watchHeads(String base) {
    return http.newWebSocketBuilder()
        .buildAsync(
            ws,
            new WebSocket.Listener() {
              private final StringBuilder text = new StringBuilder();

              @Override
              public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                  long now = System.nanoTime();
                  head(base, new JsonObject(text.toString()), now);
                  text.setLength(0);
                }
                socket.request(1);
                return null;
              }
            })
        .thenApply(
            socket -> {
              socket.sendText(
                  "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\","
                      + "\"params\":[\"newHeads\"]}",
                  true);
              return socket;
            })
        .join();
  }

  private void head(String base, JsonObject message, long now) {
    JsonObject params = message.getJsonObject("params");
    if (params == null || announced.size() >= MAX_BLOCKS) {
      return;
    }
    JsonObject header = params.getJsonObject("result");
    long number = Long.decode(header.getString("number"));
    announced.putIfAbsent(number, now);
    timestamps.putIfAbsent(number, Long.decode(header.getString("timestamp")));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/v1/models?limit=1&minBlock=" + number))
            .timeout(Duration.ofSeconds(30))
            .build();
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (answer, failure) -> {
              long served = System.nanoTime();
              if (failure == null && answer.statusCode() == 200) {
                servedRest.putIfAbsent(number, served);
              } else {
                restFailures++;
              }
            });
  }

  private void report() {
    LatencySample restFromHead = new LatencySample();
    LatencySample sseFromHead = new LatencySample();
    LatencySample sseFromTimestamp = new LatencySample();
    // the stream's clock is nanoTime; header timestamps are wall-clock seconds
    long wallMinusNano = System.currentTimeMillis() * 1_000_000 - System.nanoTime();
    int blocks = 0;
    for (Map.Entry<Long, Long> sse : servedSse.entrySet()) {
      Long head = announced.get(sse.getKey());
      Long rest = servedRest.get(sse.getKey());
      if (head == null || rest == null) {
        continue;
      }
      blocks++;
      restFromHead.add(rest - head);
      sseFromHead.add(sse.getValue() - head);
      sseFromTimestamp.add(
          sse.getValue() + wallMinusNano - timestamps.get(sse.getKey()) * 1_000_000_000L);
    }
    System.out.printf(
        "live: %d blocks with events (%d announced, %d REST failures)%n",
        blocks, announced.size(), restFailures);
    print("node announces block -> REST serves it (minBlock)", restFromHead);
    print("node announces block -> its first event over SSE", sseFromHead);
    print("block timestamp (whole s) -> its first event over SSE", sseFromTimestamp);
  }

  private static void print(String what, LatencySample sample) {
    System.out.printf(
        "  %-56s p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n",
        what,
        sample.percentileMillis(50),
        sample.percentileMillis(99),
        sample.percentileMillis(100));
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new LiveBenchmark()).execute(args));
  }
}
