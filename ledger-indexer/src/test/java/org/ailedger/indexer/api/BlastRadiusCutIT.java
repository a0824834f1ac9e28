package org.ailedger.indexer.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.ailedger.indexer.event.DataProvenanceEvent;
import org.ailedger.indexer.event.DecodedLog;
import org.ailedger.indexer.event.EthAddress;
import org.ailedger.indexer.event.LedgerEvent;
import org.ailedger.indexer.event.LogPosition;
import org.ailedger.indexer.event.ModelRegistryEvent;
import org.ailedger.indexer.store.Batch;
import org.ailedger.indexer.store.Cursor;
import org.ailedger.indexer.store.Database;
import org.ailedger.indexer.store.Engine;
import org.ailedger.indexer.store.LedgerWriter;
import org.ailedger.indexer.store.SampleEvents;
import org.ailedger.indexer.store.TestStores;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A blast radius wider than {@link BlastRadiusReads#MAX_DATASETS} counts only the updates citing a
 * dataset it keeps, from the totals the writer keeps per ancestor, whether few or many updates cite
 * only the datasets beyond its cut.
 */
class BlastRadiusCutIT {
  private static final BigInteger BIG = BigInteger.TEN.pow(30).add(BigInteger.valueOf(7));

  @RegisterExtension final TestStores stores = new TestStores();
  @RegisterExtension final ApiServers servers = new ApiServers();

  private final List<DecodedLog> logs = new ArrayList<>();
  private long block;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aCutRadiusCountsOnlyTheUpdatesCitingTheDatasetsItKeeps(Engine engine) throws Exception {
    // a root with 101 children of 100 children each: the cut keeps the root, the children and
    // the first 9 898 grandchildren in chain order (up to "98/97")
    Database database = stores.open(engine);
    LedgerWriter writer = new LedgerWriter(database);
    writer.seedGenesis(SampleEvents.genesis());
    Cursor head = SampleEvents.genesisBlock().cursor();
    block = 1;
    add(attested("root"));
    for (int i = 0; i < 101; i++) {
      add(attested("child " + i, "root"));
      for (int j = 0; j < 100; j++) {
        add(attested("grandchild " + i + "/" + j, "child " + i));
      }
    }
    head = commit(writer, head);
    block = 2;
    submit(1, 1, "grandchild 0/0"); // kept
    submit(2, 1, "grandchild 100/5"); // beyond the cut
    submit(3, 1, "grandchild 98/97", "grandchild 99/0"); // one citation kept, one beyond
    submit(4, 2, "grandchild 98/98"); // beyond: round 2 is not in the radius
    submit(5, 1, "child 3", "grandchild 3/3"); // kept twice, counted once
    head = commit(writer, head);
    block = 3;
    add(rewarded(1, 1, BIG));
    add(rewarded(2, 1, BigInteger.valueOf(5)));
    add(rewarded(3, 1, BigInteger.valueOf(11)));
    add(rewarded(4, 2, BigInteger.valueOf(13)));
    head = commit(writer, head);

    ApiServer api = servers.serve(database, head);
    String path = "/v1/datasets/" + SampleEvents.id("root").toHexString() + "/blast-radius";
    JsonObject radius = api.json(path).getJsonObject("data");

    assertThat(radius.getBoolean("truncated")).isTrue();
    assertThat(radius.getLong("datasetCount")).isEqualTo(BlastRadiusReads.MAX_DATASETS);
    assertThat(radius.getLong("updateCount")).isEqualTo(3);
    assertThat(radius.getLong("rewardCount")).isEqualTo(2);
    assertThat(radius.getString("rewardTotal"))
        .isEqualTo(BIG.add(BigInteger.valueOf(11)).toString());
    assertThat(radius.getJsonArray("rounds"))
        .containsExactly(
            new JsonObject()
                .put("modelId", SampleEvents.MODEL.toHexString())
                .put("round", 1L)
                .put("updateCount", 3L)
                .put("rewardCount", 2L)
                .put("rewardTotal", BIG.add(BigInteger.valueOf(11)).toString()));
    assertThat(radius.getJsonArray("models").getJsonObject(0).getLong("roundCount")).isEqualTo(1);
    assertThat(listed(radius.getJsonArray("items")))
        .containsExactly("1 cites 1 in radius", "3 cites 1 in radius", "5 cites 2 in radius");

    // more updates beyond the cut than the tail taken off the totals: the kept hits are summed
    block = 4;
    for (int n = 1000; n <= 1000 + RadiusTotals.MAX_TAIL_HITS; n++) {
      submit(n, 3, "grandchild 100/" + (n % 100));
    }
    head = commit(writer, head);
    ApiServer later = servers.serve(database, head);

    assertThat(later.json(path).getJsonObject("data")).isEqualTo(radius);
    // the radius of the last child is not cut: it holds every one of them
    JsonObject lastChild =
        later
            .json("/v1/datasets/" + SampleEvents.id("child 100").toHexString() + "/blast-radius")
            .getJsonObject("data");
    assertThat(lastChild.getBoolean("truncated")).isFalse();
    assertThat(lastChild.getLong("datasetCount")).isEqualTo(101);
    assertThat(lastChild.getLong("updateCount")).isEqualTo(2 + RadiusTotals.MAX_TAIL_HITS);
    assertThat(lastChild.getString("rewardTotal")).isEqualTo("5");

    // a new child of the root is nearer than every grandchild: the cut moves back by one, and the
    // update citing "98/97" and "99/0" falls beyond it; a new last grandchild moves nothing
    block = 5;
    add(attested("child 101", "root"));
    add(attested("grandchild 101/0", "child 101"));
    head = commit(writer, head);
    JsonObject moved = servers.serve(database, head).json(path).getJsonObject("data");

    assertThat(moved.getLong("datasetCount")).isEqualTo(BlastRadiusReads.MAX_DATASETS);
    assertThat(moved.getLong("updateCount")).isEqualTo(2);
    assertThat(moved.getLong("rewardCount")).isEqualTo(1);
    assertThat(moved.getString("rewardTotal")).isEqualTo(BIG.toString());
    assertThat(listed(moved.getJsonArray("items")))
        .containsExactly("1 cites 1 in radius", "5 cites 2 in radius");
  }

  private static List<String> listed(JsonArray items) {
    return items.stream()
        .map(item -> (JsonObject) item)
        .map(
            item ->
                (Integer.parseInt(item.getString("contributor").substring(2), 16) - 100)
                    + " cites "
                    + item.getLong("citationsInRadius")
                    + " in radius")
        .toList();
  }

  private void submit(int n, long round, String... datasets) {
    add(
        new ModelRegistryEvent.UpdateSubmitted(
            SampleEvents.MODEL,
            round,
            contributor(n),
            SampleEvents.id("update " + n + "/" + round),
            BigInteger.TEN));
    add(
        new ModelRegistryEvent.UpdateDatasets(
            SampleEvents.MODEL,
            round,
            contributor(n),
            List.of(datasets).stream().map(SampleEvents::id).toList(),
            SampleEvents.id("metrics " + n)));
  }

  private static LedgerEvent rewarded(int n, long round, BigInteger reward) {
    return new ModelRegistryEvent.ContributionRewarded(
        SampleEvents.MODEL, round, contributor(n), BigInteger.ONE, reward);
  }

  private static LedgerEvent attested(String dataset, String... parents) {
    return new DataProvenanceEvent.DatasetAttested(
        SampleEvents.id(dataset),
        SampleEvents.OWNER,
        SampleEvents.id("content " + dataset),
        "s3://wide",
        "CC0",
        List.of(parents).stream().map(SampleEvents::id).toList());
  }

  private static EthAddress contributor(int n) {
    return SampleEvents.address(100 + n);
  }

  private void add(LedgerEvent event) {
    int index = logs.size();
    logs.add(
        new DecodedLog(
            new LogPosition(
                block,
                index,
                SampleEvents.blockHash(block),
                SampleEvents.id("cut tx " + block + "/" + index),
                index),
            event));
  }

  /** Commits the logs added since the last commit as the block {@code block}. */
  private Cursor commit(LedgerWriter writer, Cursor head) {
    Batch batch = new Batch(head, SampleEvents.block(block), List.of(), List.copyOf(logs));
    writer.commit(batch);
    logs.clear();
    return batch.cursor();
  }
}
