package org.ailedger.indexer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.ailedger.indexer.ingest.IngestStatus;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The REST API on port 0 over a store filled by the writer with every event kind, on both engines:
 * answers, paging, {@code minBlock}, problems, and every answer checked against {@code
 * /openapi.json}.
 */
class RestApiIT {
  @RegisterExtension final TestStores stores = new TestStores();

  private static final String MODEL = SampleEvents.MODEL.toHexString();
  private static final String PARENT = SampleEvents.PARENT.toHexString();
  private static final String CHILD = SampleEvents.CHILD.toHexString();
  private static final String CONTRIBUTOR = SampleEvents.CONTRIBUTOR.hex();

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final AtomicReference<IngestStatus> status =
      new AtomicReference<>(new IngestStatus.Following(Optional.of(at(4)), 4));
  private final List<Vertx> vertxes = new ArrayList<>();
  private int port;

  @AfterEach
  void closeVertx() throws Exception {
    for (Vertx vertx : vertxes) {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  /** Every documented path with real values, and the answer it must give. */
  private static Map<String, String> everyPath() {
    Map<String, String> paths = new LinkedHashMap<>();
    paths.put("/v1/health", "/v1/health");
    paths.put("/v1/network", "/v1/network");
    paths.put("/v1/models", "/v1/models");
    paths.put("/v1/models/{modelId}", "/v1/models/" + MODEL);
    paths.put("/v1/models/{modelId}/rounds/{round}", "/v1/models/" + MODEL + "/rounds/1");
    paths.put(
        "/v1/models/{modelId}/rounds/{round}/updates", "/v1/models/" + MODEL + "/rounds/1/updates");
    paths.put("/v1/contributors/{address}", "/v1/contributors/" + CONTRIBUTOR);
    paths.put("/v1/datasets/{datasetId}", "/v1/datasets/" + CHILD);
    paths.put("/v1/datasets/{datasetId}/lineage", "/v1/datasets/" + PARENT + "/lineage");
    paths.put("/v1/proposals", "/v1/proposals");
    paths.put("/v1/proposals/{id}", "/v1/proposals/1");
    paths.put("/v1/proposals/{id}/votes", "/v1/proposals/1/votes");
    paths.put("/openapi.json", "/openapi.json");
    // the analyst reads
    paths.put("/v1/datasets/{datasetId}/blast-radius", "/v1/datasets/" + PARENT + "/blast-radius");
    paths.put(
        "/v1/datasets/{datasetId}/lineage.prov.json",
        "/v1/datasets/" + CHILD + "/lineage.prov.json");
    paths.put("/v1/members", "/v1/members");
    paths.put("/v1/members/{memberId}", "/v1/members/" + SampleEvents.MEMBER.toHexString());
    paths.put("/v1/validators", "/v1/validators");
    paths.put("/v1/permissions/history", "/v1/permissions/history");
    paths.put("/v1/contributors/{address}/rewards", "/v1/contributors/" + CONTRIBUTOR + "/rewards");
    paths.put("/v1/models/{modelId}/rewards", "/v1/models/" + MODEL + "/rewards?bucket=blocks:2");
    paths.put("/v1/stats", "/v1/stats");
    // blocks and transactions
    paths.put("/v1/blocks", "/v1/blocks");
    paths.put("/v1/blocks/{number}", "/v1/blocks/2");
    paths.put(
        "/v1/transactions/{hash}", "/v1/transactions/" + SampleEvents.id("tx 12").toHexString());
    return paths;
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void everyPathAnswersAsDocumentedAndNamesTheBlockItReflects(Engine engine) throws Exception {
    serve(filledStore(engine), ApiConfig.DEFAULT_MIN_BLOCK_WAIT);
    OpenApiContract contract = new OpenApiContract(get("/openapi.json").body());
    java.util.Set<String> documented = new java.util.TreeSet<>(everyPath().keySet());
    // the stream answers text/event-stream without end: EventStreamIT holds it to the document
    documented.add("/v1/events/stream");
    assertThat(contract.paths()).isEqualTo(documented);

    for (Map.Entry<String, String> path : everyPath().entrySet()) {
      HttpResponse<String> answer = get(path.getValue());
      assertThat(answer.statusCode()).as(path.getValue() + " " + answer.body()).isEqualTo(200);
      assertThat(answer.headers().firstValue("content-type")).contains("application/json");
      contract.assertConforms(path.getKey(), 200, "application/json", answer.body());
      if (path.getKey().endsWith(".prov.json")) {
        // PROV-JSON allows no other top-level member: its bundle's description names the block
        JsonObject bundle =
            (JsonObject)
                new JsonObject(answer.body()).getJsonObject("entity").iterator().next().getValue();
        assertThat(bundle.getLong("ailedger:blockNumber")).isEqualTo(4);
        assertThat(bundle.getString("ailedger:blockHash"))
            .isEqualTo(SampleEvents.blockHash(4).toHexString());
      } else if (!path.getKey().equals("/openapi.json")) {
        assertThat(new JsonObject(answer.body()).getJsonObject("block"))
            .as(path.getValue())
            .isEqualTo(
                new JsonObject()
                    .put("number", 4)
                    .put("hash", SampleEvents.blockHash(4).toHexString()));
      }
    }
  }

  @Test
  void everyQueryParameterAPathAcceptsIsDocumentedAndNoOther() throws Exception {
    serve(filledStore(Engine.SQLITE), ApiConfig.DEFAULT_MIN_BLOCK_WAIT);
    JsonObject document = new JsonObject(get("/openapi.json").body());
    for (Map.Entry<String, String> path : everyPath().entrySet()) {
      String probe = path.getValue() + (path.getValue().contains("?") ? "&" : "?") + "zz=1";
      JsonObject problem = new JsonObject(get(probe).body());
      String detail = problem.getString("detail");
      // the one problem handler names what the path accepts: "...; this path accepts [a, b]"
      String accepted = detail.substring(detail.lastIndexOf('[') + 1, detail.lastIndexOf(']'));
      java.util.Set<String> accepts =
          accepted.isEmpty() ? java.util.Set.of() : java.util.Set.of(accepted.split(", "));
      java.util.Set<String> documented = new java.util.TreeSet<>();
      var parameters =
          document
              .getJsonObject("paths")
              .getJsonObject(path.getKey())
              .getJsonObject("get")
              .getJsonArray("parameters", new io.vertx.core.json.JsonArray());
      for (Object parameter : parameters) {
        JsonObject resolved = (JsonObject) parameter;
        if (resolved.containsKey("$ref")) {
          String name = resolved.getString("$ref").substring("#/components/parameters/".length());
          resolved =
              document.getJsonObject("components").getJsonObject("parameters").getJsonObject(name);
        }
        if (resolved.getString("in").equals("query")) {
          documented.add(resolved.getString("name"));
        }
      }
      assertThat(problem.getInteger("status")).as(probe).isEqualTo(400);
      assertThat(new java.util.TreeSet<>(accepts)).as(path.getKey()).isEqualTo(documented);
    }
  }

  @Test
  void theContractCheckRejectsAnAnswerThatBreaksTheSchema() throws Exception {
    serve(filledStore(Engine.SQLITE), ApiConfig.DEFAULT_MIN_BLOCK_WAIT);
    OpenApiContract contract = new OpenApiContract(get("/openapi.json").body());
    JsonObject models = json("/v1/models");
    models.getJsonArray("data").getJsonObject(0).put("owner", "0xABC");

    assertThatThrownBy(
            () -> contract.assertConforms("/v1/models", 200, "application/json", models.encode()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("owner");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void answersCarryTheIndexedFactsWithAmountsAsDecimalStrings(Engine engine) throws Exception {
    serve(filledStore(engine), ApiConfig.DEFAULT_MIN_BLOCK_WAIT);

    JsonObject round = json("/v1/models/" + MODEL + "/rounds/1").getJsonObject("data");
    assertThat(round.getString("status")).isEqualTo("finalized");
    assertThat(round.getString("rewardPool")).isEqualTo(SampleEvents.POOL.toString());
    assertThat(round.getString("rewardsPaid")).isEqualTo(SampleEvents.POOL.toString());
    JsonObject update =
        json("/v1/models/" + MODEL + "/rounds/1/updates").getJsonArray("data").getJsonObject(0);
    assertThat(update.getJsonArray("datasets").getList()).containsExactly(PARENT, CHILD);
    // the parent is revoked, so the child derived from it is tainted and the update flagged
    assertThat(update.getJsonArray("citations"))
        .containsExactly(
            new JsonObject().put("datasetId", PARENT).put("revoked", true).put("tainted", true),
            new JsonObject().put("datasetId", CHILD).put("revoked", false).put("tainted", true));
    assertThat(update.getBoolean("flagged")).isTrue();
    assertThat(update.getString("sampleCount")).isEqualTo("18446744073709551615");
    JsonObject lineage = json("/v1/datasets/" + PARENT + "/lineage").getJsonObject("data");
    assertThat(lineage.getJsonArray("children").getJsonObject(0).getString("datasetId"))
        .isEqualTo(CHILD);
    JsonObject childLineage = json("/v1/datasets/" + CHILD + "/lineage").getJsonObject("data");
    assertThat(childLineage.getJsonArray("parents").getJsonObject(0).getBoolean("revoked"))
        .isTrue();
    JsonObject vote = json("/v1/proposals/1/votes").getJsonArray("data").getJsonObject(0);
    assertThat(vote.getString("weight")).isEqualTo("100");
    assertThat(vote.getString("rawBalance"))
        .isEqualTo(SampleEvents.TOKEN.multiply(java.math.BigInteger.valueOf(1_000_000)).toString());
    JsonObject contributor = json("/v1/contributors/" + CONTRIBUTOR).getJsonObject("data");
    assertThat(contributor.getString("rewardTotal")).isEqualTo(SampleEvents.POOL.toString());
    assertThat(contributor.getJsonArray("history").size()).isEqualTo(3);
    JsonObject network = json("/v1/network").getJsonObject("data");
    assertThat(network.getLong("chainId")).isEqualTo(1337);
    assertThat(network.getJsonArray("validators").getList())
        .containsExactly(SampleEvents.address(100).hex());
    assertThat(network.getJsonObject("parameters").getString("capBps")).isEqualTo("1500");
  }

  @Test
  void networkPublishesTheWalletRpcUrlOnlyWhenTheOperatorGaveOne() throws Exception {
    serve(filledStore(Engine.SQLITE), ApiConfig.DEFAULT_MIN_BLOCK_WAIT);
    OpenApiContract contract = new OpenApiContract(get("/openapi.json").body());
    HttpResponse<String> none = get("/v1/network");
    contract.assertConforms("/v1/network", 200, "application/json", none.body());
    JsonObject unset = new JsonObject(none.body()).getJsonObject("data");
    // present and null, so the page can tell "none published" from an older indexer
    assertThat(unset.containsKey("publicRpcUrl")).isTrue();
    assertThat(unset.getValue("publicRpcUrl")).isNull();

    URI published = URI.create("https://rpc.ledger.example/v1");
    serve(
        filledStore(Engine.SQLITE),
        new ApiConfig("127.0.0.1", 0, ApiConfig.DEFAULT_MIN_BLOCK_WAIT)
            .withPublicRpcUrl(Optional.of(published)));
    HttpResponse<String> set = get("/v1/network");
    contract.assertConforms("/v1/network", 200, "application/json", set.body());
    assertThat(new JsonObject(set.body()).getJsonObject("data").getString("publicRpcUrl"))
        .isEqualTo(published.toString());
  }

  @Test
  void bothEnginesGiveTheSameAnswers() throws Exception {
    Map<String, String> answers = new LinkedHashMap<>();
    serve(filledStore(Engine.SQLITE), ApiConfig.DEFAULT_MIN_BLOCK_WAIT);
    for (String path : everyPath().values()) {
      answers.put(path, get(path).body());
    }
    serve(filledStore(Engine.POSTGRESQL), ApiConfig.DEFAULT_MIN_BLOCK_WAIT);
    for (String path : everyPath().values()) {
      assertThat(new JsonObject(get(path).body()))
          .as(path)
          .isEqualTo(new JsonObject(answers.get(path)));
    }
  }

  @Test
  void listsPageInChainOrderWithAnOpaqueCursorUntilNoneIsLeft() throws Exception {
    serve(filledStore(Engine.SQLITE), ApiConfig.DEFAULT_MIN_BLOCK_WAIT);

    JsonObject first = json("/v1/proposals?limit=1");
    assertThat(first.getJsonArray("data").getJsonObject(0).getLong("id")).isEqualTo(1);
    String cursor = first.getString("nextCursor");
    assertThat(cursor).isNotBlank();
    JsonObject second = json("/v1/proposals?limit=1&cursor=" + cursor);
    assertThat(second.getJsonArray("data").getJsonObject(0).getLong("id")).isEqualTo(2);
    assertThat(second.getValue("nextCursor")).isNull();

    JsonObject history = json("/v1/contributors/" + CONTRIBUTOR + "?limit=2");
    assertThat(history.getJsonObject("data").getJsonArray("history").size()).isEqualTo(2);
    JsonObject rest =
        json(
            "/v1/contributors/"
                + CONTRIBUTOR
                + "?limit=2&cursor="
                + history.getString("nextCursor"));
    assertThat(rest.getJsonObject("data").getJsonArray("history").size()).isEqualTo(1);
    assertThat(rest.getValue("nextCursor")).isNull();
  }

  @Test
  void everyBadRequestIsAProblemFromTheOneHandlerWithoutAStackTrace() throws Exception {
    serve(filledStore(Engine.SQLITE), ApiConfig.DEFAULT_MIN_BLOCK_WAIT);
    OpenApiContract contract = new OpenApiContract(get("/openapi.json").body());
    record Bad(String path, String template, int status, String detailMentions) {}
    List<Bad> bad =
        List.of(
            new Bad("/v1/models/0x12", "/v1/models/{modelId}", 400, "64 hex digits"),
            new Bad(
                "/v1/models/" + MODEL.toUpperCase().replace("0X", "0x") + "zz",
                "/v1/models/{modelId}",
                400,
                "hex"),
            new Bad("/v1/contributors/nothex", "/v1/contributors/{address}", 400, "40 hex digits"),
            new Bad(
                "/v1/models/" + SampleEvents.id("nope").toHexString(),
                "/v1/models/{modelId}",
                404,
                "model"),
            new Bad("/v1/proposals/99", "/v1/proposals/{id}", 404, "proposal 99"),
            new Bad("/v1/proposals/99/votes", "/v1/proposals/{id}/votes", 404, "proposal 99"),
            new Bad(
                "/v1/models/" + MODEL + "/rounds/7",
                "/v1/models/{modelId}/rounds/{round}",
                404,
                "round 7"),
            new Bad(
                "/v1/datasets/" + SampleEvents.id("nope").toHexString(),
                "/v1/datasets/{datasetId}",
                404,
                "dataset"),
            new Bad(
                "/v1/contributors/" + SampleEvents.address(77).hex(),
                "/v1/contributors/{address}",
                404,
                "contributor"),
            new Bad("/v1/proposals?cursor=bm90LWEtY3Vyc29y", "/v1/proposals", 400, "cursor"),
            new Bad("/v1/proposals?limit=0", "/v1/proposals", 400, "limit"),
            new Bad("/v1/proposals?limit=501", "/v1/proposals", 400, "1..500"),
            new Bad("/v1/proposals?limit=ten", "/v1/proposals", 400, "limit"),
            new Bad("/v1/models?sort=desc", "/v1/models", 400, "[sort]"),
            new Bad("/v1/network?minBlock=-1", "/v1/network", 400, "minBlock"),
            new Bad("/v1/health?verbose=1", "/v1/health", 400, "verbose"),
            new Bad("/v1/proposals/-1", "/v1/proposals/{id}", 400, "non-negative"));
    for (Bad request : bad) {
      HttpResponse<String> answer = get(request.path());
      assertProblem(answer, request.status(), request.detailMentions());
      if (!request.template().equals("/v1/health") || request.status() != 400) {
        contract.assertConforms(
            request.template(), request.status(), Problem.MEDIA_TYPE, answer.body());
      }
    }
    assertProblem(get("/v1/nowhere"), 404, "/v1/nowhere");
    assertProblem(
        http.send(
            HttpRequest.newBuilder(uri("/v1/models"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString()),
        405,
        "GET");
  }

  @Test
  void aFailingStoreIsAnInternalProblemThatHidesTheCause() throws Exception {
    Database database = filledStore(Engine.SQLITE);
    serve(database, ApiConfig.DEFAULT_MIN_BLOCK_WAIT);
    database.close();

    HttpResponse<String> answer = get("/v1/models");

    assertProblem(answer, 500, "log");
    assertThat(answer.body()).doesNotContain("Exception", "at org.", "sqlite", "Hikari");
  }

  @Test
  void minBlockWaitsUntilTheIngesterReachesIt() throws Exception {
    serve(filledStore(Engine.SQLITE), Duration.ofSeconds(10));
    var pending =
        http.sendAsync(request("/v1/models?minBlock=5"), HttpResponse.BodyHandlers.ofString());
    Thread.sleep(300);
    assertThat(pending).isNotDone();

    status.set(new IngestStatus.Following(Optional.of(at(5)), 5));

    assertThat(pending.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(get("/v1/models?minBlock=3").statusCode()).isEqualTo(200);
  }

  @Test
  void minBlockNotReachedInTimeIsA503SayingHowFarBehind() throws Exception {
    serve(filledStore(Engine.SQLITE), Duration.ofMillis(200));

    HttpResponse<String> answer = get("/v1/proposals/1?minBlock=10");

    assertProblem(answer, 503, "6 behind");
    JsonObject problem = new JsonObject(answer.body());
    assertThat(problem.getLong("indexedBlock")).isEqualTo(4);
    assertThat(problem.getLong("blocksBehind")).isEqualTo(6);
    assertThat(answer.headers().firstValue("retry-after")).isPresent();
    new OpenApiContract(get("/openapi.json").body())
        .assertConforms("/v1/proposals/{id}", 503, Problem.MEDIA_TYPE, answer.body());
  }

  @Test
  void healthReportsAHaltWithItsReasonAndTheCursor() throws Exception {
    serve(filledStore(Engine.SQLITE), ApiConfig.DEFAULT_MIN_BLOCK_WAIT);
    assertThat(json("/v1/health").getString("status")).isEqualTo("ok");
    status.set(new IngestStatus.Following(Optional.of(at(4)), 9));
    assertThat(json("/v1/health").getLong("headLag")).isEqualTo(5);

    status.set(new IngestStatus.Halted(Optional.of(at(4)), "the node serves another chain"));

    JsonObject health = json("/v1/health");
    assertThat(health.getString("status")).isEqualTo("halted");
    assertThat(health.getString("reason")).isEqualTo("the node serves another chain");
    assertThat(health.getJsonObject("block").getLong("number")).isEqualTo(4);
  }

  @Test
  void aStoreWithoutAChainYetAnswers503AndHealthSaysStarting() throws Exception {
    status.set(new IngestStatus.Starting(Optional.empty()));
    serve(stores.open(Engine.SQLITE), ApiConfig.DEFAULT_MIN_BLOCK_WAIT);

    assertProblem(get("/v1/models"), 503, "genesis");
    JsonObject health = json("/v1/health");
    assertThat(health.getString("status")).isEqualTo("starting");
    assertThat(health.getValue("block")).isNull();
  }

  private Database filledStore(Engine engine) throws Exception {
    Database database = stores.open(engine);
    LedgerWriter writer = new LedgerWriter(database);
    writer.seedGenesis(SampleEvents.genesis());
    writer.commit(SampleEvents.everyEventBatch());
    return database;
  }

  private void serve(Database database, Duration minBlockWait) throws Exception {
    serve(database, new ApiConfig("127.0.0.1", 0, minBlockWait));
  }

  private void serve(Database database, ApiConfig config) throws Exception {
    Vertx vertx = Vertx.vertx();
    vertxes.add(vertx);
    QueryPool pool = new QueryPool(vertx, new LedgerQueries(database), 2);
    ApiVerticle api =
        new ApiVerticle(config, pool, status::get, new EventStreams(StreamConfig.defaults(), pool));
    vertx.deployVerticle(api).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    port = api.actualPort();
  }

  private void assertProblem(HttpResponse<String> answer, int status, String detailMentions) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("content-type")).contains(Problem.MEDIA_TYPE);
    JsonObject problem = new JsonObject(answer.body());
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("type")).startsWith("urn:ailedger:problem:");
    assertThat(problem.getString("detail")).contains(detailMentions);
    assertThat(answer.body()).doesNotContain("Exception", "\tat ");
  }

  private JsonObject json(String path) throws Exception {
    HttpResponse<String> answer = get(path);
    assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(200);
    return new JsonObject(answer.body());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(request(path), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).build();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static Cursor at(long block) {
    return new Cursor(block, SampleEvents.blockHash(block));
  }
}
