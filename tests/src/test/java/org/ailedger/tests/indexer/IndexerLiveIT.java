package org.ailedger.tests.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.ailedger.indexer.api.ApiConfig;
import org.ailedger.indexer.app.IndexerConfig;
import org.ailedger.indexer.app.LedgerIndexer;
import org.ailedger.indexer.event.NativeContract;
import org.ailedger.indexer.ingest.IngestConfig;
import org.ailedger.indexer.ingest.IngestStatus;
import org.ailedger.indexer.metrics.MetricsConfig;
import org.ailedger.indexer.store.StoreConfig;
import org.ailedger.indexer.store.StoreLocation;
import org.ailedger.indexer.stream.StreamConfig;
import org.ailedger.tests.dsl.Await;
import org.ailedger.tests.dsl.DevContracts;
import org.ailedger.tests.dsl.Devnet;
import org.ailedger.tests.dsl.DevnetNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/**
 * The whole indexer ({@code LedgerIndexer}, as {@code ailedger indexer} runs it) following a real
 * node with {@code --ws}: a block announced by {@code newHeads} is indexed long before the poll
 * interval would have read it, and the event stream serves transactions sent with web3j as they are
 * mined, then resumes after a disconnect with exactly the events missed.
 */
class IndexerLiveIT {
  @RegisterExtension static final DevnetNode NODE = new DevnetNode("indexer-live");

  /** So long that only a wake-up can explain an event indexed within {@link #PROMPTLY}. */
  private static final Duration POLL_INTERVAL = Duration.ofSeconds(60);

  private static final Duration PROMPTLY = Duration.ofSeconds(10);

  private static Web3j web3j;
  private static DevContracts contracts;

  @TempDir Path dataDir;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void connect() {
    web3j = Web3j.build(new HttpService(NODE.node().httpUrl().toString()));
    contracts = new DevContracts(web3j, 300);
  }

  @AfterAll
  static void disconnect() {
    if (web3j != null) {
      web3j.shutdown();
    }
  }

  @Test
  void aNewHeadWakesIngestionLongBeforeThePollInterval() throws Exception {
    try (LedgerIndexer indexer = start(Optional.of(NODE.node().wsUrl()))) {
      awaitIndexed(indexer, NODE.node().rpc().blockNumber(), Duration.ofSeconds(60));
      // the first wait after catching up is a full poll interval unless a head cuts it short
      Thread.sleep(500);

      TransactionReceipt receipt = attest("wake-up");
      long mined = receipt.getBlockNumber().longValueExact();

      awaitIndexed(indexer, mined, PROMPTLY);
      String base = "http://127.0.0.1:" + indexer.apiPort();
      JsonObject health = getJson(base + "/v1/health");
      assertThat(health.getJsonObject("newHeads").getString("state")).isEqualTo("connected");
      // the transaction as the node's receipt has it: block, index in the block, its logs' ids
      JsonObject transaction =
          getJson(base + "/v1/transactions/" + receipt.getTransactionHash()).getJsonObject("data");
      assertThat(transaction.getLong("blockNumber")).isEqualTo(mined);
      assertThat(transaction.getLong("index"))
          .isEqualTo(receipt.getTransactionIndex().longValueExact());
      assertThat(
              transaction.getJsonArray("events").stream()
                  .map(e -> ((JsonObject) e).getString("id"))
                  .toList())
          .isEqualTo(ids(receipt));
    }
  }

  private JsonObject getJson(String url) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(url + " " + answer.body()).isEqualTo(200);
    return new JsonObject(answer.body());
  }

  @Test
  void theStreamServesMinedEventsAndResumesWithExactlyTheOnesMissed() throws Exception {
    try (LedgerIndexer indexer = start(Optional.of(NODE.node().wsUrl()))) {
      awaitIndexed(indexer, NODE.node().rpc().blockNumber(), Duration.ofSeconds(60));
      URI stream = URI.create("http://127.0.0.1:" + indexer.apiPort() + "/v1/events/stream");
      Stream all = Stream.open(http, stream, null);
      Stream datasetsOnly =
          Stream.open(http, URI.create(stream + "?contract=DataProvenance"), null);

      List<String> first = new ArrayList<>();
      first.addAll(ids(attest("stream one")));
      first.addAll(ids(registerModel("stream-model")));
      List<String> received = all.take(first.size());
      assertThat(received).containsExactlyElementsOf(first);
      assertThat(datasetsOnly.take(1)).containsExactly(first.getFirst());
      all.close();

      // mined while the client is away
      List<String> missed = new ArrayList<>(ids(attest("stream two")));
      missed.addAll(ids(attest("stream three")));
      Stream resumed = Stream.open(http, stream, received.getLast());
      assertThat(resumed.take(missed.size())).containsExactlyElementsOf(missed);
      List<String> live = ids(attest("stream four"));
      assertThat(resumed.take(live.size())).containsExactlyElementsOf(live);
      resumed.assertNothingMoreWithin(Duration.ofSeconds(1));
      assertThat(datasetsOnly.take(3)).containsExactly(missed.get(0), missed.get(1), live.get(0));
      resumed.close();
      datasetsOnly.close();
    }
  }

  private LedgerIndexer start(Optional<URI> ws) {
    return LedgerIndexer.start(
        new IndexerConfig(
            NODE.node().httpUrl(),
            Duration.ofSeconds(10),
            StoreConfig.of(new StoreLocation.SqliteFile(dataDir.resolve("indexer.db"))),
            ApiConfig.of("127.0.0.1", 0),
            new IngestConfig(1000, POLL_INTERVAL, Duration.ofMillis(250), Duration.ofSeconds(2)),
            MetricsConfig.disabled(),
            ws,
            StreamConfig.defaults()));
  }

  private static void awaitIndexed(LedgerIndexer indexer, long block, Duration within) {
    Await.until(
        "the indexer to store block " + block + " (status " + indexer.status() + ")",
        within,
        () -> {
          assertThat(indexer.status()).isNotInstanceOf(IngestStatus.Halted.class);
          return indexer.status().cursor().filter(c -> c.blockNumber() >= block);
        });
  }

  /** The stream ids of a receipt's logs of the native contracts, in order. */
  private static List<String> ids(TransactionReceipt receipt) {
    List<String> natives =
        java.util.Arrays.stream(NativeContract.values()).map(c -> c.address().hex()).toList();
    return receipt.getLogs().stream()
        .filter(log -> natives.contains(log.getAddress().toLowerCase()))
        .map(log -> log.getBlockNumber() + ":" + log.getLogIndex())
        .toList();
  }

  private static TransactionReceipt attest(String label) throws Exception {
    return contracts
        .provenance(2)
        .attest(id(label), id(label + " content"), "s3://" + label, "CC-BY-4.0", List.of())
        .send();
  }

  private static TransactionReceipt registerModel(String label) throws Exception {
    return contracts
        .registry(0)
        .registerModel(id(label), "ipfs://" + label, Devnet.account(1).getAddress())
        .send();
  }

  private static byte[] id(String label) {
    return Hash.sha3(label.getBytes(StandardCharsets.UTF_8));
  }

  /** An EventSource-like reader of the ids the stream sends, on a thread of its own. */
  private static final class Stream implements AutoCloseable {
    private final InputStream body;
    private final BlockingQueue<String> ids = new LinkedBlockingQueue<>();

    private Stream(InputStream body) {
      this.body = body;
      Thread reader = new Thread(this::read, "indexer-live-stream");
      reader.setDaemon(true);
      reader.start();
    }

    static Stream open(HttpClient http, URI uri, String lastEventId) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri);
      if (lastEventId != null) {
        request.header("Last-Event-ID", lastEventId);
      }
      HttpResponse<InputStream> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
      return new Stream(response.body());
    }

    List<String> take(int count) throws InterruptedException {
      List<String> taken = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String id = ids.poll(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(id).as("event %d of %d (got %s)", i + 1, count, taken).isNotNull();
        taken.add(id);
      }
      return taken;
    }

    void assertNothingMoreWithin(Duration wait) throws InterruptedException {
      assertThat(ids.poll(wait.toMillis(), TimeUnit.MILLISECONDS)).isNull();
    }

    private void read() {
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
        String id = null;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.startsWith("id: ")) {
            id = line.substring(4);
          } else if (line.isEmpty() && id != null) {
            ids.add(id);
            id = null;
          }
        }
      } catch (IOException closed) {
        // closed by the test
      }
    }

    @Override
    public void close() throws IOException {
      body.close();
    }
  }
}
