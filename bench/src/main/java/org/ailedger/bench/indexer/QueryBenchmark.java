package org.ailedger.bench.indexer;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.ailedger.indexer.api.AnswerCache;
import org.ailedger.indexer.api.ApiConfig;
import org.ailedger.indexer.api.ApiObserver;
import org.ailedger.indexer.api.ApiVerticle;
import org.ailedger.indexer.ingest.IngestConfig;
import org.ailedger.indexer.ingest.IngestStatus;
import org.ailedger.indexer.ingest.NewHeadsState;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Query latency of the REST API under concurrent clients: back-fills a fresh store from the node,
 * adds {@code --lineages} lineages of 10 100 descendants each ({@link LineageFixture}) in as many
 * models, serves the API as the indexer does (its read pool, its verticle) on free ports, and for
 * each path lets {@code --clients} threads send requests back to back (closed loop) for {@code
 * --seconds}, after a warm-up; it prints p50, p99 and the throughput per path, per run and as the
 * median over the runs. Each path is measured three ways: every request read from the store (what
 * the first request of each kind after a new block costs), the same request repeated with the
 * answer cache at the head, and requests that differ (several roots, models or contributors in
 * turn) with that cache.
 */
@Command(
    name = "indexer-queries",
    mixinStandardHelpOptions = true,
    description = "Measures the indexer's REST latency with concurrent clients.")
public final class QueryBenchmark implements Callable<Integer> {
  @Option(names = "--rpc", required = true, description = "The node to back-fill from.")
  URI rpc;

  @Mixin StoreOptions store;

  @Option(names = "--clients", defaultValue = "32", description = "Concurrent clients.")
  int clients;

  @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds per path.")
  int seconds;

  @Option(names = "--warmup", defaultValue = "3", description = "Warm-up seconds per path.")
  int warmup;

  @Option(names = "--runs", defaultValue = "3", description = "Runs over all paths.")
  int runs;

  @Option(
      names = "--lineages",
      defaultValue = "4",
      description = "Lineages written, each under its own root in round 1 of its own model.")
  int lineages;

  @Option(names = "--only", description = "Measure only paths containing this text.")
  String only;

  /** Contributors of a round's first page whose pages are asked in turn. */
  private static final int CONTRIBUTORS = 8;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Override
  public Integer call() throws Exception {
    BenchStores stores = store.stores();
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
        // two servers over one store and read pool: one keeps answers at the head as the indexer
        // does (its cache told of every commit by the writer), one reads the store for every
        // request (its cache is told of no head, so it keeps nothing)
        AnswerCache answers = new AnswerCache();
        answers.committed(head);
        String cached = serve(vertx, pool, status, answers);
        String base = serve(vertx, pool, status, new AnswerCache());

        List<Bytes32> modelIds =
            get(base + "/v1/models?limit=" + lineages).getJsonArray("data").stream()
                .map(m -> Bytes32.fromHexString(((JsonObject) m).getString("modelId")))
                .toList();
        LedgerWriter writer =
            new LedgerWriter(database, LedgerWriter.DEFAULT_OUTBOX_RETENTION_BLOCKS, answers);
        List<Bytes32> roots = new ArrayList<>();
        Cursor now = head;
        for (Bytes32 lineageModel : modelIds) {
          LineageFixture.Lineage lineage = LineageFixture.write(writer, now, lineageModel, 1);
          roots.add(lineage.root());
          now = lineage.cursor();
          System.out.printf(
              "lineage: root %s with %,d descendants at block %d%n",
              lineage.root(), lineage.descendants(), now.blockNumber());
        }
        status.set(new IngestStatus.Following(Optional.of(now), now.blockNumber()));

        Map<String, List<String>> paths = new LinkedHashMap<>();
        Map<String, List<String>> uncached = paths(base, modelIds, roots);
        uncached.forEach((path, urls) -> paths.put(path, urls.subList(0, 1)));
        uncached.forEach(
            (path, urls) ->
                paths.put(
                    path + ", answer cache",
                    List.of(cached + urls.get(0).substring(base.length()))));
        uncached.forEach(
            (path, urls) -> {
              if (urls.size() > 1) {
                paths.put(
                    path + ", answer cache, " + urls.size() + " different",
                    urls.stream().map(url -> cached + url.substring(base.length())).toList());
              }
            });
        Map<String, List<Measure>> results = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
          for (Map.Entry<String, List<String>> path : paths.entrySet()) {
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

  /** Serves the API on a free port; returns its base URL. */
  private static String serve(
      Vertx vertx, QueryPool pool, AtomicReference<IngestStatus> status, AnswerCache answers)
      throws Exception {
    ApiVerticle api =
        new ApiVerticle(
            ApiConfig.of("127.0.0.1", 0),
            pool,
            status::get,
            () -> NewHeadsState.NOT_CONFIGURED,
            new EventStreams(StreamConfig.defaults(), pool),
            ApiObserver.NONE,
            answers);
    vertx.deployVerticle(api).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return "http://127.0.0.1:" + api.actualPort();
  }

  /**
   * The fixed paths of DESIGN §7 with ids of the back-filled chain, and the blast radius: per path
   * the URL measured alone first, then as many different ones of the same kind as the store has
   * (one per lineage root and its model, or per contributor of a round's first page).
   */
  private Map<String, List<String>> paths(String base, List<Bytes32> modelIds, List<Bytes32> roots)
      throws Exception {
    List<String> models = modelIds.stream().map(Bytes32::toHexString).toList();
    JsonArray updates =
        get(base + "/v1/models/" + models.get(0) + "/rounds/1/updates?limit=" + CONTRIBUTORS)
            .getJsonArray("data");
    List<String> contributors =
        updates.stream().map(u -> ((JsonObject) u).getString("contributor")).toList();
    List<String> children = new ArrayList<>();
    for (Bytes32 root : roots) {
      children.add(
          get(base + "/v1/datasets/" + root.toHexString() + "/lineage")
              .getJsonObject("data")
              .getJsonArray("children")
              .getJsonObject(0)
              .getString("datasetId"));
    }
    Map<String, List<String>> paths = new LinkedHashMap<>();
    paths.put("/v1/health", List.of(base + "/v1/health"));
    paths.put("/v1/network", List.of(base + "/v1/network"));
    paths.put("/v1/models", List.of(base + "/v1/models"));
    paths.put("/v1/models/{modelId}", each(models, m -> base + "/v1/models/" + m));
    paths.put(
        "/v1/models/{modelId}/rounds/{round}",
        each(models, m -> base + "/v1/models/" + m + "/rounds/1"));
    paths.put(
        "/v1/models/{modelId}/rounds/{round}/updates",
        each(models, m -> base + "/v1/models/" + m + "/rounds/1/updates"));
    paths.put(
        "/v1/contributors/{address}", each(contributors, c -> base + "/v1/contributors/" + c));
    paths.put("/v1/datasets/{datasetId}", each(children, d -> base + "/v1/datasets/" + d));
    paths.put(
        "/v1/datasets/{datasetId}/lineage",
        each(children, d -> base + "/v1/datasets/" + d + "/lineage"));
    paths.put("/v1/proposals", List.of(base + "/v1/proposals"));
    List<String> rootIds = roots.stream().map(Bytes32::toHexString).toList();
    paths.put(
        "blast radius, 10 100 descendants (updates)",
        each(rootIds, r -> base + "/v1/datasets/" + r + "/blast-radius"));
    paths.put(
        "blast radius, 10 100 descendants (datasets)",
        each(rootIds, r -> base + "/v1/datasets/" + r + "/blast-radius?list=datasets"));
    return paths;
  }

  private static List<String> each(List<String> ids, Function<String, String> url) {
    return ids.stream().map(url).toList();
  }

  private record Measure(double p50, double p99, double perSecond, long count, long errors) {}

  /**
   * {@link #clients} threads sending requests back to back for {@code length}, each the next of
   * {@code urls} in turn (client {@code c} starting at the {@code c}-th).
   */
  private Measure measure(List<String> urls, Duration length) throws InterruptedException {
    List<HttpRequest> requests =
        urls.stream()
            .map(
                url ->
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build())
            .toList();
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
                    int next = client;
                    while (System.nanoTime() < end) {
                      HttpRequest request = requests.get(next++ % requests.size());
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
