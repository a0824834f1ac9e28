package org.ailedger.indexer.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.ailedger.indexer.ingest.IngestStatus;
import org.ailedger.indexer.store.Database;
import org.ailedger.indexer.store.Engine;
import org.ailedger.indexer.store.EventBatches;
import org.ailedger.indexer.store.EventBatches.Committed;
import org.ailedger.indexer.store.LedgerQueries;
import org.ailedger.indexer.store.LedgerWriter;
import org.ailedger.indexer.store.QueryPool;
import org.ailedger.indexer.store.TestStores;
import org.ailedger.indexer.stream.EventStreams;
import org.ailedger.indexer.stream.StreamConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code /v1/events/stream} on port 0 over a store the real writer fills batch by batch, its
 * commits waking the stream as the ingester's do; read by a real HTTP client (and a raw socket that
 * stops reading). Ids, order, resumption without gap or duplicate, filters, the bound on clients,
 * slow consumers, heartbeats, retention, and every answer checked against {@code /openapi.json}.
 */
class EventStreamIT {
  private static final String PATH = "/v1/events/stream";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension final TestStores stores = new TestStores();

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<AutoCloseable> opened = new ArrayList<>();
  private Vertx vertx;
  private EventStreams streams;
  private EventBatches chain;
  private OpenApiContract contract;
  private int port;

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable closeable : opened.reversed()) {
      closeable.close();
    }
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void streamsNewEventsInOrderAndResumesAfterLastEventIdWithoutGapOrDuplicate(Engine engine)
      throws Exception {
    // pages of 7 make every replay below take several reads
    serve(
        engine,
        config(256, StreamConfig.DEFAULT_WRITE_QUEUE_BYTES, Duration.ofSeconds(15), 7, 1000));
    List<Committed> history = chain.commit(2, 3);

    SseClient live = open(PATH, null);
    assertThat(live.status()).isEqualTo(200);
    assertThat(live.contentType()).startsWith("text/event-stream");
    List<Committed> first = chain.commit(3, 4);
    List<SseClient.Event> received = live.take(first.size(), WAIT);
    assertSame(received, first);
    live.close();

    List<Committed> missed = chain.commit(4, 5);
    SseClient resumed = open(PATH, received.getLast().id());
    List<Committed> later = chain.commit(1, 2);
    List<Committed> expected = new ArrayList<>(missed);
    expected.addAll(later);
    assertSame(resumed.take(expected.size(), WAIT), expected);
    resumed.assertNoEventWithin(Duration.ofMillis(500));

    // the query parameter does the same for clients that cannot set headers; 0:0 is the origin
    SseClient fromOrigin = open(PATH + "?lastEventId=0:0", null);
    List<Committed> everything = new ArrayList<>(history);
    everything.addAll(first);
    everything.addAll(expected);
    assertSame(fromOrigin.take(everything.size(), WAIT), everything);
    List<Committed> more = chain.commit(1, 3);
    assertSame(fromOrigin.take(more.size(), WAIT), more);
    assertSame(resumed.take(more.size(), WAIT), more);
    fromOrigin.assertNoEventWithin(Duration.ofMillis(300));
  }

  @Test
  void filtersByContractNameOrAddressAndByEventType() throws Exception {
    serve(Engine.SQLITE, StreamConfig.defaults());
    chain.commit(1, 3);
    SseClient models = open(PATH + "?contract=ModelRegistry", null);
    SseClient twoTypes = open(PATH + "?type=Transfer,DatasetEndorsed", null);
    SseClient repeated = open(PATH + "?type=Transfer&type=DatasetEndorsed", null);
    SseClient byAddress =
        open(PATH + "?contract=0x0000000000000000000000000000000000001003&type=Transfer", null);
    SseClient replayedAndFiltered = open(PATH + "?type=DatasetEndorsed&lastEventId=0:0", null);

    List<Committed> events = chain.commit(3, 5);

    assertSame(models.take(5, WAIT), only(events, "UpdateSubmitted"));
    assertSame(twoTypes.take(10, WAIT), only(events, "Transfer", "DatasetEndorsed"));
    assertSame(repeated.take(10, WAIT), only(events, "Transfer", "DatasetEndorsed"));
    assertSame(byAddress.take(5, WAIT), only(events, "Transfer"));
    List<SseClient.Event> endorsed = replayedAndFiltered.take(6, WAIT);
    assertThat(endorsed).extracting(SseClient.Event::event).containsOnly("DatasetEndorsed");
    assertSame(endorsed.subList(1, 6), only(events, "DatasetEndorsed"));
    for (SseClient client : List.of(models, twoTypes, byAddress, replayedAndFiltered)) {
      client.assertNoEventWithin(Duration.ofMillis(200));
    }
  }

  @Test
  void clientsBeyondTheBoundAreRefusedWithA503ProblemUntilOneLeaves() throws Exception {
    serve(
        Engine.SQLITE,
        config(2, StreamConfig.DEFAULT_WRITE_QUEUE_BYTES, Duration.ofSeconds(15), 100, 1000));
    SseClient first = open(PATH, null);
    open(PATH, null);

    SseClient third = open(PATH, null);

    String problem = assertProblem(third, 503, "too-many-streams", "2 event streams");
    assertThat(new JsonObject(problem).getInteger("limit")).isEqualTo(2);
    first.close();
    await("a place to free up", () -> streams.openStreams() < 2);
    SseClient admitted = open(PATH, null);
    assertThat(admitted.status()).isEqualTo(200);
    List<Committed> events = chain.commit(1, 2);
    assertSame(admitted.take(2, WAIT), events);
  }

  @Test
  void badParametersAre400ProblemsFromTheOneHandler() throws Exception {
    serve(Engine.SQLITE, StreamConfig.defaults());
    record Bad(String query, String header, String detailMentions) {}
    List<Bad> bad =
        List.of(
            new Bad("?contract=Nowhere", null, "Nowhere"),
            new Bad("?contract=0x0000000000000000000000000000000000009999", null, "0x"),
            new Bad("?type=UpdateSubmited", null, "UpdateSubmited"),
            new Bad("?contract=Permissions&type=UpdateSubmitted", null, "ModelRegistry"),
            new Bad("?type=Transfer,", null, "empty"),
            new Bad("?lastEventId=12", null, "block:logIndex"),
            new Bad("?lastEventId=a:b", null, "lastEventId"),
            new Bad("?lastEventId=1:0&lastEventId=2:0", null, "more than once"),
            new Bad("", "12-3", "Last-Event-ID"),
            new Bad("?since=1", null, "since"));
    for (Bad request : bad) {
      SseClient answer = open(PATH + request.query(), request.header());
      String body = assertProblem(answer, 400, "bad-parameter", request.detailMentions());
      assertThat(body).doesNotContain("Exception", "\tat ");
    }
  }

  @Test
  void aClientThatStopsReadingIsDisconnectedAndResumesWhereItStopped() throws Exception {
    serve(Engine.SQLITE, config(256, 16 * 1024, Duration.ofSeconds(15), 500, 100_000));
    String start = chain.commit(1, 1).getLast().id();
    SseClient fast = open(PATH, start);
    List<Committed> all = new ArrayList<>();
    try (Socket slow = new Socket()) {
      // a small receive window: the server's queue fills soon after the kernel's buffers
      slow.setReceiveBufferSize(4096);
      slow.connect(new InetSocketAddress("127.0.0.1", port));
      OutputStream out = slow.getOutputStream();
      out.write(
          ("GET " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nLast-Event-ID: " + start + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      await("both streams to open", () -> streams.openStreams() == 2);

      long deadline = System.nanoTime() + WAIT.toNanos();
      while (streams.openStreams() == 2 && System.nanoTime() < deadline) {
        all.addAll(chain.commit(2, 10));
        // the fast reader keeps up as the batches come, so only the slow one's queue grows
        fast.take(20, WAIT);
      }
      assertThat(streams.openStreams()).as("the slow client is disconnected").isEqualTo(1);
      assertThat(fast.ended()).isFalse();

      String lastComplete = readUntilClosed(slow).orElse(start);
      SseClient resumed = open(PATH, lastComplete);
      List<Committed> rest =
          all.subList(
              all.indexOf(
                      all.stream()
                          .filter(c -> c.id().equals(lastComplete))
                          .findFirst()
                          .orElse(null))
                  + 1,
              all.size());
      assertSame(resumed.take(rest.size(), WAIT), rest);
      resumed.assertNoEventWithin(Duration.ofMillis(300));
    }
  }

  @Test
  void aReplayingClientThatNeverReadsLosesItsSlotAfterTheStallBound() throws Exception {
    Duration stall = Duration.ofMillis(800);
    serve(
        Engine.SQLITE,
        new StreamConfig(256, 16 * 1024, Duration.ofSeconds(15), 100, 100_000, stall));
    // some 10 MB of frames: far more than the kernel's buffers and the write queue hold
    List<Committed> all = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      all.addAll(chain.commit(500, 10));
    }
    try (Socket stuck = new Socket()) {
      stuck.setReceiveBufferSize(4096);
      stuck.connect(new InetSocketAddress("127.0.0.1", port));
      OutputStream out = stuck.getOutputStream();
      out.write(
          ("GET " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nLast-Event-ID: 0:0\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      await("the replay to open", () -> streams.openStreams() == 1);
      long opened = System.nanoTime();
      Thread.sleep(stall.toMillis() / 2);
      assertThat(streams.openStreams()).as("still within the bound").isEqualTo(1);

      await("the stalled replay to be dropped", () -> streams.openStreams() == 0);
      assertThat(Duration.ofNanos(System.nanoTime() - opened)).isGreaterThanOrEqualTo(stall);
      String lastComplete = readUntilClosed(stuck).orElseThrow();
      assertThat(lastComplete).isNotEqualTo(all.getLast().id());

      // it resumes exactly after what it had received
      SseClient resumed = open(PATH, lastComplete);
      int next =
          all.indexOf(
                  all.stream().filter(c -> c.id().equals(lastComplete)).findFirst().orElseThrow())
              + 1;
      assertSame(resumed.take(3, WAIT), all.subList(next, next + 3));
    }
  }

  @Test
  void aLastEventIdAfterTheIndexedBlockIsA400ProblemNamingTheIndexedBlock() throws Exception {
    serve(Engine.SQLITE, StreamConfig.defaults());
    List<Committed> events = chain.commit(3, 2);
    assertThat(chain.cursor().blockNumber()).isEqualTo(3);

    for (String ahead : List.of("4:0", "999999:0")) {
      SseClient refused = open(PATH + "?lastEventId=" + ahead, null);
      String body = assertProblem(refused, 400, "last-event-id-ahead", "indexed block (3)");
      assertThat(new JsonObject(body).getLong("indexedBlock")).isEqualTo(3);
      assertThat(new JsonObject(body).getString("lastEventId")).isEqualTo(ahead);
    }
    assertThat(streams.openStreams()).isZero();

    // an id within the indexed block is this chain's: it resumes after it
    SseClient within = open(PATH, "3:0");
    List<Committed> more = chain.commit(1, 1);
    assertSame(within.take(2, WAIT), List.of(events.getLast(), more.getFirst()));
  }

  @Test
  void anIdleStreamGetsHeartbeatComments() throws Exception {
    serve(
        Engine.SQLITE,
        config(256, StreamConfig.DEFAULT_WRITE_QUEUE_BYTES, Duration.ofMillis(100), 100, 1000));
    SseClient idle = open(PATH, null);
    await("three heartbeats", () -> idle.comments() >= 3);
    idle.assertNoEventWithin(Duration.ofMillis(50));
  }

  @Test
  void resumingBeforeTheRetainedBlocksIsA410ProblemAndAfterThemReplays() throws Exception {
    serve(
        Engine.SQLITE,
        config(256, StreamConfig.DEFAULT_WRITE_QUEUE_BYTES, Duration.ofSeconds(15), 100, 5));
    List<Committed> events = chain.commit(10, 2);

    SseClient tooOld = open(PATH, "5:1");
    String body = assertProblem(tooOld, 410, "events-pruned", "5:1");
    assertThat(new JsonObject(body).getLong("retainedFromBlock")).isEqualTo(6);
    assertThat(new JsonObject(body).getString("lastEventId")).isEqualTo("5:1");
    assertThat(
            new LedgerQueries(database)
                .read(c -> org.ailedger.indexer.store.Outbox.newest(c))
                .orElseThrow()
                .toString())
        .isEqualTo("10:1");
    assertThat(new LedgerQueries(database).rowCount("outbox")).as("blocks 6..10").isEqualTo(10);

    SseClient kept = open(PATH, "6:1");
    assertSame(kept.take(8, WAIT), events.subList(12, 20));
  }

  private Database database;

  private void serve(Engine engine, StreamConfig config) throws Exception {
    database = stores.open(engine);
    vertx = Vertx.vertx();
    QueryPool pool = new QueryPool(vertx, new LedgerQueries(database), 2);
    streams = new EventStreams(config, pool);
    chain =
        EventBatches.seeded(new LedgerWriter(database, config.outboxRetentionBlocks(), streams));
    IngestStatus status = new IngestStatus.Following(Optional.of(chain.cursor()), 0);
    ApiVerticle api = new ApiVerticle(ApiConfig.of("127.0.0.1", 0), pool, () -> status, streams);
    vertx.deployVerticle(api).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    port = api.actualPort();
    HttpResponse<String> document =
        http.send(
            HttpRequest.newBuilder(SseClient.uri(port, "/openapi.json")).build(),
            HttpResponse.BodyHandlers.ofString());
    contract = new OpenApiContract(document.body());
  }

  private static StreamConfig config(
      int maxClients, int writeQueueBytes, Duration heartbeat, int pageSize, long retention) {
    return new StreamConfig(
        maxClients,
        writeQueueBytes,
        heartbeat,
        pageSize,
        retention,
        StreamConfig.DEFAULT_REPLAY_STALL);
  }

  private SseClient open(String pathAndQuery, String lastEventId) throws Exception {
    SseClient client = SseClient.open(http, SseClient.uri(port, pathAndQuery), lastEventId);
    opened.add(client);
    return client;
  }

  /** The events are {@code expected}, in order, each documented and its data naming it. */
  private void assertSame(List<SseClient.Event> received, List<Committed> expected)
      throws Exception {
    assertThat(received.stream().map(e -> e.id() + " " + e.event()).toList())
        .containsExactlyElementsOf(expected.stream().map(c -> c.id() + " " + c.event()).toList());
    for (SseClient.Event event : received) {
      contract.assertStreamedEventConforms(PATH, event.data());
      JsonObject data = new JsonObject(event.data());
      assertThat(data.getString("id")).isEqualTo(event.id());
      assertThat(data.getString("event")).isEqualTo(event.event());
      JsonObject at = data.getJsonObject("at");
      assertThat(at.getLong("blockNumber") + ":" + at.getInteger("logIndex")).isEqualTo(event.id());
    }
  }

  private static List<Committed> only(List<Committed> events, String... names) {
    List<String> wanted = List.of(names);
    return events.stream().filter(c -> wanted.contains(c.event())).toList();
  }

  private String assertProblem(SseClient answer, int status, String kind, String detailMentions)
      throws Exception {
    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith(Problem.MEDIA_TYPE);
    String body = answer.body();
    JsonObject problem = new JsonObject(body);
    assertThat(problem.getString("type")).isEqualTo("urn:ailedger:problem:" + kind);
    assertThat(problem.getString("detail")).contains(detailMentions);
    contract.assertConforms(PATH, status, Problem.MEDIA_TYPE, body);
    return body;
  }

  /** Reads what the server had sent before it closed the connection; the last complete id. */
  private static Optional<String> readUntilClosed(Socket socket) throws Exception {
    socket.setSoTimeout((int) WAIT.toMillis());
    StringBuilder text = new StringBuilder();
    byte[] buffer = new byte[8192];
    InputStream in = socket.getInputStream();
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server kept the slow client's connection open", e);
    } catch (java.net.SocketException reset) {
      // a reset may drop what was in flight; the client resumes after what it has
    }
    String lastId = null;
    // only events ended by an empty line are complete
    String[] blocks = text.toString().split("\n\n", -1);
    for (int i = 0; i < blocks.length - 1; i++) {
      for (String line : blocks[i].split("\n")) {
        if (line.startsWith("id: ")) {
          lastId = line.substring(4).trim();
        }
      }
    }
    return Optional.ofNullable(lastId);
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
