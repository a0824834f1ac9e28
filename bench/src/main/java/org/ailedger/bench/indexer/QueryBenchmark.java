package org.ailedger.bench.indexer;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.ailedger.indexer.api.ApiConfig;
import org.ailedger.indexer.api.ApiVerticle;
import org.ailedger.indexer.ingest.IngestConfig;
import org.ailedger.indexer.ingest.IngestStatus;
import org.ailedger.indexer.store.Cursor;
import org.ailedger.indexer.store.Database;
import org.ailedger.indexer.store.LedgerQueries;
import org.ailedger.indexer.store.LedgerWriter;
import org.ailedger.indexer.store.QueryPool;
import org.ailedger.indexer.store.StoreConfig;
import org.ailedger.indexer.stream.EventStreams;
import org.ailedger.indexer.stream.StreamConfig;
import org.apache.tuweni.bytes.Bytes32;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Query latency of the REST API under concurrent clients: back-fills a fresh store from the node,
 * adds a lineage of 10 100 descendants ({@link LineageFixture}), serves the API as the indexer does
 * (its read pool, its verticle) on a free port, and for each path lets {@code --clients} threads
 * send requests back to back (closed loop) for {@code --seconds}, after a warm-up; it prints p50,
 * p99 and the throughput per path, per run and as the median over the runs.
 */
@Command(
    name = "indexer-queries",
    mixinStandardHelpOptions = true,
    description = "Measures the indexer's REST latency with concurrent clients.")
public final class QueryBenchmark implements Callable<Integer> {
  @Option(names = "--rpc", required = true, description = "The node to back-fill from.")
  URI rpc;

  @Option(names = "--sqlite-dir", description = "Directory for the SQLite store.")
  Path sqliteDir;

  @Option(
      names = "--postgres",
      description = "postgresql://user@host:port/db of a throwaway server.")
  String postgres;

  @Option(names = "--clients", defaultValue = "32", description = "Concurrent clients.")
  int clients;

  @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds per path.")
  int seconds;

  @Option(names = "--warmup", defaultValue = "3", description = "Warm-up seconds per path.")
  int warmup;

  @Option(names = "--runs", defaultValue = "3", description = "Runs over all paths.")
  int runs;

  @Option(names = "--only", description = "Measure only paths containing this text.")
  String only;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Override
  public Integer call() throws Exception {
    BenchStores stores = new BenchStores(sqliteDir, postgres);
    try (Database database = Database.open(StoreConfig.of(stores.fresh("queries")))) {
      Backfill.Result filled = Backfill.run(rpc, database, IngestConfig.defaults());
      System.out.printf(
          "store: %s, %,d events in %,d blocks back-filled in %.1f s%n",
          stores.engine(), filled.events(), filled.blocks(), filled.seconds());
      Vertx vertx = Vertx.vertx();
      try {
        LedgerQueries queries = new LedgerQueries(database);
        Cursor head = queries.cursor().orElseThrow();
        AtomicReference<IngestStatus> status =
            new AtomicReference<>(
                new IngestStatus.Following(Optional.of(head), head.blockNumber()));
        QueryPool pool = new QueryPool(vertx, queries, StoreConfig.DEFAULT_READERS);
        ApiVerticle api =
            new ApiVerticle(
                ApiConfig.of("127.0.0.1", 0),
                pool,
                status::get,
                new EventStreams(StreamConfig.defaults(), pool));
        vertx
            .deployVerticle(api)
            .toCompletionStage()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
        String base = "http://127.0.0.1:" + api.actualPort();

        JsonObject model = get(base + "/v1/models?limit=1").getJsonArray("data").getJsonObject(0);
        Bytes32 modelId = Bytes32.fromHexString(model.getString("modelId"));
        LineageFixture.Lineage lineage =
            LineageFixture.write(new LedgerWriter(database), head, modelId, 1);
        Cursor now = lineage.cursor();
        status.set(new IngestStatus.Following(Optional.of(now), now.blockNumber()));
        System.out.printf(
            "lineage: root %s with %,d descendants at block %d%n",
            lineage.root(), lineage.descendants(), now.blockNumber());

        Map<String, String> paths = paths(base, modelId, lineage.root());
        Map<String, List<Measure>> results = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
          for (Map.Entry<String, String> path : paths.entrySet()) {
            if (only != null && !path.getKey().contains(only)) {
              continue;
            }
            measure(path.getValue(), Duration.ofSeconds(warmup));
            Measure result = measure(path.getValue(), Duration.ofSeconds(seconds));
            results.computeIfAbsent(path.getKey(), k -> new ArrayList<>()).add(result);
            System.out.printf(
                "run %d  %-48s p50 %7.2f ms  p99 %7.2f ms  %,8.0f req/s  (%,d requests, %d errors)%n",
                run,
                path.getKey(),
                result.p50(),
                result.p99(),
                result.perSecond(),
                result.count(),
                result.errors());
          }
        }
        System.out.printf(
            "%nmedians over %d runs, %s, %d clients, %d s per path:%n",
            runs, stores.engine(), clients, seconds);
        for (Map.Entry<String, List<Measure>> path : results.entrySet()) {
          List<Measure> all = path.getValue();
          System.out.printf(
              "| `%s` | %.2f | %.2f | %,.0f |%n",
              path.getKey(),
              Medians.of(all.stream().map(Measure::p50).toList()),
              Medians.of(all.stream().map(Measure::p99).toList()),
              Medians.of(all.stream().map(Measure::perSecond).toList()));
        }
      } finally {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
    return 0;
  }

  /** The fixed paths of DESIGN §7 with ids of the back-filled chain, and the blast radius. */
  private Map<String, String> paths(String base, Bytes32 modelId, Bytes32 root) throws Exception {
    String model = modelId.toHexString();
    JsonArray updates =
        get(base + "/v1/models/" + model + "/rounds/1/updates?limit=1").getJsonArray("data");
    String contributor = updates.getJsonObject(0).getString("contributor");
    JsonArray datasets =
        get(base + "/v1/datasets/" + root.toHexString() + "/lineage")
            .getJsonObject("data")
            .getJsonArray("children");
    String child = datasets.getJsonObject(0).getString("datasetId");
    Map<String, String> paths = new LinkedHashMap<>();
    paths.put("/v1/health", base + "/v1/health");
    paths.put("/v1/network", base + "/v1/network");
    paths.put("/v1/models", base + "/v1/models");
    paths.put("/v1/models/{modelId}", base + "/v1/models/" + model);
    paths.put("/v1/models/{modelId}/rounds/{round}", base + "/v1/models/" + model + "/rounds/1");
    paths.put(
        "/v1/models/{modelId}/rounds/{round}/updates",
        base + "/v1/models/" + model + "/rounds/1/updates");
    paths.put("/v1/contributors/{address}", base + "/v1/contributors/" + contributor);
    paths.put("/v1/datasets/{datasetId}", base + "/v1/datasets/" + child);
    paths.put("/v1/datasets/{datasetId}/lineage", base + "/v1/datasets/" + child + "/lineage");
    paths.put("/v1/proposals", base + "/v1/proposals");
    paths.put(
        "blast radius, 10 100 descendants (updates)",
        base + "/v1/datasets/" + root.toHexString() + "/blast-radius");
    paths.put(
        "blast radius, 10 100 descendants (datasets)",
        base + "/v1/datasets/" + root.toHexString() + "/blast-radius?list=datasets");
    return paths;
  }

  private record Measure(double p50, double p99, double perSecond, long count, long errors) {}

  /** {@link #clients} threads sending {@code url} back to back for {@code length}. */
  private Measure measure(String url, Duration length) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
    long end = System.nanoTime() + length.toNanos();
    List<LatencySample> samples = new ArrayList<>();
    long[] errors = new long[clients];
    List<Thread> threads = new ArrayList<>();
    long started = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      LatencySample sample = new LatencySample();
      samples.add(sample);
      int client = c;
      threads.add(
          Thread.ofPlatform()
              .name("bench-client-" + c)
              .start(
                  () -> {
                    while (System.nanoTime() < end) {
                      long sent = System.nanoTime();
                      try {
                        HttpResponse<byte[]> answer =
                            http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (answer.statusCode() != 200) {
                          errors[client]++;
                        }
                      } catch (Exception e) {
                        errors[client]++;
                      }
                      sample.add(System.nanoTime() - sent);
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double took = (System.nanoTime() - started) / 1e9;
    LatencySample all = new LatencySample();
    samples.forEach(all::addAll);
    long errorCount = 0;
    for (long e : errors) {
      errorCount += e;
    }
    return new Measure(
        all.percentileMillis(50),
        all.percentileMillis(99),
        all.count() / took,
        all.count(),
        errorCount);
  }

  private JsonObject get(String url) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(
          url + " answered " + answer.statusCode() + ": " + answer.body());
    }
    return new JsonObject(answer.body());
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new QueryBenchmark()).execute(args));
  }
}
