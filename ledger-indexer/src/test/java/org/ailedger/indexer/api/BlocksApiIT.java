package org.ailedger.indexer.api;

import static org.ailedger.indexer.api.AnalyticsChain.M1;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ailedger.indexer.event.NativeContract;
import org.ailedger.indexer.store.Batch;
import org.ailedger.indexer.store.CommitListener;
import org.ailedger.indexer.store.Cursor;
import org.ailedger.indexer.store.Database;
import org.ailedger.indexer.store.Engine;
import org.ailedger.indexer.store.LedgerQueries;
import org.ailedger.indexer.store.LedgerWriter;
import org.ailedger.indexer.store.SampleEvents;
import org.ailedger.indexer.store.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code /v1/blocks}, {@code /v1/blocks/{number}} and {@code /v1/transactions/{hash}} over {@link
 * AnalyticsChain} on both engines: the story's blocks 1–8, 10, 16, 17 and 20 hold events (block 2:
 * four transactions of 2, 2, 2 and 3 events), blocks 9 and 11–15 hold none; every answer held to
 * {@code /openapi.json}.
 */
class BlocksApiIT {
  @RegisterExtension final TestStores stores = new TestStores();

  private static final List<Long> BLOCKS_WITH_EVENTS =
      List.of(20L, 17L, 16L, 10L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);

  @RegisterExtension final ApiServers servers = new ApiServers();
  private ApiServer api;
  private OpenApiContract contract;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void blocksListBlockZeroAndThoseWithEventsNewestFirstPagedAndRanged(Engine engine)
      throws Exception {
    serve(engine);

    List<Long> all = new ArrayList<>();
    String cursor = null;
    do {
      JsonObject page =
          checked("/v1/blocks", "/v1/blocks?limit=5" + (cursor == null ? "" : "&cursor=" + cursor));
      all.addAll(numbers(page));
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    List<Long> expected = new ArrayList<>(BLOCKS_WITH_EVENTS);
    expected.add(0L);
    assertThat(all).as("newest first, empty blocks left out").isEqualTo(expected);

    assertThat(numbers(checked("/v1/blocks", "/v1/blocks?order=asc&limit=3")))
        .containsExactly(0L, 1L, 2L);
    assertThat(numbers(checked("/v1/blocks", "/v1/blocks?fromBlock=5&toBlock=16")))
        .containsExactly(16L, 10L, 8L, 7L, 6L, 5L);
    assertThat(
            numbers(
                checked(
                    "/v1/blocks",
                    "/v1/blocks?fromTime=2024-01-02T00:00:00Z&toTime=2024-01-02T23:59:59Z")))
        .as("the second day")
        .containsExactly(5L, 4L);

    JsonObject second =
        checked("/v1/blocks", "/v1/blocks?fromBlock=2&toBlock=2")
            .getJsonArray("data")
            .getJsonObject(0);
    assertThat(second)
        .isEqualTo(
            new JsonObject()
                .put("number", 2)
                .put("hash", SampleEvents.blockHash(2).toHexString())
                .put("parentHash", SampleEvents.blockHash(1).toHexString())
                .put("timestamp", AnalyticsChain.time("2024-01-01T02:00:00Z"))
                .put("eventCount", 9)
                .put("transactionCount", 4));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aBlockListsItsTransactionsWithTheirEventCountsInBlockOrder(Engine engine) throws Exception {
    serve(engine);

    JsonObject answer = checked("/v1/blocks/{number}", "/v1/blocks/2");
    JsonObject block = answer.getJsonObject("data");
    assertThat(block.getLong("eventCount")).isEqualTo(9);
    assertThat(block.getString("parentHash")).isEqualTo(SampleEvents.blockHash(1).toHexString());
    assertThat(block.getJsonArray("transactions"))
        .isEqualTo(
            new JsonArray()
                .add(transaction(4, 0, 2))
                .add(transaction(5, 1, 2))
                .add(transaction(6, 2, 2))
                .add(transaction(7, 3, 3)));
    assertThat(answer.getValue("nextCursor")).isNull();

    // block 8: eleven transactions, paged
    List<Integer> indexes = new ArrayList<>();
    String cursor = null;
    do {
      JsonObject page =
          checked(
              "/v1/blocks/{number}",
              "/v1/blocks/8?limit=4" + (cursor == null ? "" : "&cursor=" + cursor));
      page.getJsonObject("data").getJsonArray("transactions").stream()
          .map(t -> ((JsonObject) t).getInteger("index"))
          .forEach(indexes::add);
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    assertThat(indexes).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

    JsonObject genesis = checked("/v1/blocks/{number}", "/v1/blocks/0").getJsonObject("data");
    assertThat(genesis.getString("hash"))
        .isEqualTo(SampleEvents.genesisBlock().hash().toHexString());
    assertThat(genesis.getLong("eventCount")).isZero();
    assertThat(genesis.getJsonArray("transactions")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aTransactionNamesItsBlockAndIndexAndEveryEventItEmitted(Engine engine) throws Exception {
    serve(engine);
    String hash = AnalyticsChain.tx(7).toHexString();

    JsonObject first = checked("/v1/transactions/{hash}", "/v1/transactions/" + hash + "?limit=2");
    JsonObject transaction = first.getJsonObject("data");
    assertThat(transaction.copy().put("events", null))
        .isEqualTo(
            new JsonObject()
                .put("hash", hash)
                .put("blockNumber", 2)
                .put("blockHash", SampleEvents.blockHash(2).toHexString())
                .put("timestamp", AnalyticsChain.time("2024-01-01T02:00:00Z"))
                .put("index", 3)
                .put("eventCount", 3)
                .put("events", null));
    JsonObject opened = transaction.getJsonArray("events").getJsonObject(0);
    assertThat(opened.getString("id")).isEqualTo("2:6");
    assertThat(opened.getString("event")).isEqualTo("RoundOpened");
    assertThat(opened.getString("contract")).isEqualTo("ModelRegistry");
    assertThat(opened.getString("address"))
        .isEqualTo(NativeContract.MODEL_REGISTRY.address().hex());
    assertThat(opened.getJsonObject("at"))
        .isEqualTo(new JsonObject().put("blockNumber", 2).put("logIndex", 6).put("txHash", hash));
    assertThat(opened.getJsonObject("args").getString("modelId")).isEqualTo(M1.toHexString());
    assertThat(opened.getJsonObject("args").getValue("round")).hasToString("1");

    JsonObject rest =
        checked(
            "/v1/transactions/{hash}",
            "/v1/transactions/" + hash + "?limit=2&cursor=" + first.getString("nextCursor"));
    assertThat(rest.getJsonObject("data").getJsonArray("events").getJsonObject(0).getString("id"))
        .isEqualTo("2:8");
    assertThat(rest.getValue("nextCursor")).isNull();
  }

  @Test
  void unknownBlocksAndTransactionsAre404sAndBadOnesAre400s() throws Exception {
    serve(Engine.SQLITE);
    Map<String, String> notFound = new LinkedHashMap<>();
    notFound.put("/v1/blocks/9", "holds no event of the ledger's contracts");
    notFound.put("/v1/blocks/21", "not indexed yet: the indexer is at block 20");
    notFound.put(
        "/v1/transactions/" + SampleEvents.id("never sent").toHexString(),
        "emitted no event of the ledger's contracts up to block 20");
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("/v1/transactions/0x12", "hash must be 0x followed by 64 hex digits");
    bad.put("/v1/transactions/" + "0x" + "g".repeat(64), "64 hex digits");
    bad.put("/v1/blocks/two", "number must be a non-negative decimal integer");
    bad.put("/v1/blocks/-1", "non-negative");
    bad.put("/v1/blocks?order=newest", "order must be asc or desc");
    bad.put("/v1/blocks?fromBlock=9&toBlock=3", "fromBlock is after toBlock");
    bad.put("/v1/blocks?state=x", "unknown query parameter(s) [state]");
    JsonObject block8 = api.json("/v1/blocks/8?limit=1");
    bad.put(
        "/v1/blocks/2?cursor=" + block8.getString("nextCursor"),
        "the cursor is not one of block 2's pages");
    for (Map.Entry<String, String> request : notFound.entrySet()) {
      assertProblem(request.getKey(), 404, request.getValue());
    }
    for (Map.Entry<String, String> request : bad.entrySet()) {
      assertProblem(request.getKey(), 400, request.getValue());
    }
  }

  @Test
  void aBlockStoredOnlyAsTheEndOfAReadRangeIsNotServed() throws Exception {
    Database database = stores.open(Engine.SQLITE);
    LedgerWriter writer = new LedgerWriter(database);
    writer.seedGenesis(SampleEvents.genesis());
    Batch story = AnalyticsChain.batch();
    writer.commit(story);
    // the ingester keeps each range's last block even without events; which blocks those are
    // depends on when it read, so serving them would make answers depend on timing
    writer.commit(new Batch(story.cursor(), SampleEvents.block(25), List.of(), List.of()));
    api = servers.serve(database, SampleEvents.block(25).cursor());

    assertThat(new LedgerQueries(database).rowCount("blocks")).isEqualTo(14);
    assertThat(numbers(api.json("/v1/blocks?limit=2"))).containsExactly(20L, 17L);
    assertThat(api.json("/v1/blocks?limit=1").getJsonObject("block").getLong("number"))
        .isEqualTo(25);
    assertProblem("/v1/blocks/25", 404, "holds no event of the ledger's contracts");
  }

  @Test
  void transactionsAndCountsOutliveTheOutboxsPruning() throws Exception {
    Database database = stores.open(Engine.SQLITE);
    // an outbox of one block: after the story it holds block 20's event only
    LedgerWriter writer = new LedgerWriter(database, 1, CommitListener.NONE);
    writer.seedGenesis(SampleEvents.genesis());
    writer.commit(AnalyticsChain.batch());
    api =
        servers.serve(
            database, new Cursor(AnalyticsChain.HEAD, SampleEvents.blockHash(AnalyticsChain.HEAD)));

    assertThat(new LedgerQueries(database).rowCount("outbox")).isEqualTo(1);
    JsonObject transaction =
        api.json("/v1/transactions/" + AnalyticsChain.tx(1).toHexString()).getJsonObject("data");
    assertThat(
            transaction.getJsonArray("events").stream()
                .map(e -> ((JsonObject) e).getString("event")))
        .containsExactly("AccountAdded", "RoleGranted");
    assertThat(api.json("/v1/blocks/1").getJsonObject("data").getLong("eventCount")).isEqualTo(6);
    long listed =
        api.json("/v1/blocks?limit=500").getJsonArray("data").stream()
            .mapToLong(b -> ((JsonObject) b).getLong("eventCount"))
            .sum();
    // blocks 1..20: 6 + 9 + 6 + 4 + 4 + 4 + 1 + (10 proposals of 2 events, a cancel) + 8 + 2 + 2 +
    // 1
    assertThat(listed).as("the story's events").isEqualTo(68);
    assertThat(
            api.json("/v1/stats").getJsonObject("data").getJsonObject("counts").getLong("events"))
        .isEqualTo(68);
  }

  @Test
  void bothEnginesGiveTheSameAnswers() throws Exception {
    List<String> paths =
        List.of(
            "/v1/blocks",
            "/v1/blocks?order=asc&fromTime=2024-01-03T00:00:00Z",
            "/v1/blocks/8",
            "/v1/blocks/0",
            "/v1/transactions/" + AnalyticsChain.tx(7).toHexString(),
            "/v1/transactions/" + AnalyticsChain.tx(1).toHexString());
    ApiServers.assertEnginesAgree(paths, engine -> servers.analyticsChain(stores, engine));
  }

  private void serve(Engine engine) throws Exception {
    api = servers.analyticsChain(stores, engine);
    contract = new OpenApiContract(api.get("/openapi.json").body());
  }

  private JsonObject checked(String template, String path) throws Exception {
    HttpResponse<String> answer = api.get(path);
    assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(200);
    contract.assertConforms(template, 200, "application/json", answer.body());
    JsonObject json = new JsonObject(answer.body());
    assertThat(json.getJsonObject("block").getLong("number")).isEqualTo(AnalyticsChain.HEAD);
    return json;
  }

  private void assertProblem(String path, int status, String detailMentions) throws Exception {
    HttpResponse<String> answer = api.get(path);
    assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("content-type")).contains(Problem.MEDIA_TYPE);
    assertThat(new JsonObject(answer.body()).getString("detail")).as(path).contains(detailMentions);
  }

  private static List<Long> numbers(JsonObject list) {
    return list.getJsonArray("data").stream().map(b -> ((JsonObject) b).getLong("number")).toList();
  }

  private static JsonObject transaction(int n, int index, int events) {
    return new JsonObject()
        .put("hash", AnalyticsChain.tx(n).toHexString())
        .put("index", index)
        .put("eventCount", events);
  }
}
