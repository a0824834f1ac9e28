package org.ailedger.indexer.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.ailedger.indexer.event.DataProvenanceEvent;
import org.ailedger.indexer.event.DecodedLog;
import org.ailedger.indexer.event.LogPosition;
import org.ailedger.indexer.store.Batch;
import org.ailedger.indexer.store.Cursor;
import org.ailedger.indexer.store.Database;
import org.ailedger.indexer.store.Engine;
import org.ailedger.indexer.store.LedgerWriter;
import org.ailedger.indexer.store.SampleEvents;
import org.ailedger.indexer.store.TestStores;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The answer cache wired as the indexer wires it (told of every commit by the store's writer), on
 * both engines: a repeated request gets the very answer the store gives, and a new block is never
 * answered from before it.
 */
class AnswerCacheIT {
  @RegisterExtension final TestStores stores = new TestStores();

  private static final Bytes32 ROOT = SampleEvents.id("cached root");
  private static final Bytes32 CHILD = SampleEvents.id("cached child");
  private static final Bytes32 GRANDCHILD = SampleEvents.id("cached grandchild");

  @RegisterExtension final ApiServers servers = new ApiServers();

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRepeatedRequestGetsTheAnswerTheStoreGives(Engine engine) throws Exception {
    Database database = stores.open(engine);
    AnswerCache answers = new AnswerCache();
    LedgerWriter writer = writer(database, answers);
    writer.commit(SampleEvents.everyEventBatch());
    Cursor head = writer.cursor().orElseThrow();
    ApiServer cached = servers.serve(database, head, answers);
    ApiServer uncached = servers.serve(database, head, new AnswerCache());

    for (String path :
        List.of(
            "/v1/network",
            "/v1/models",
            "/v1/models/" + SampleEvents.MODEL.toHexString() + "/rounds/1",
            "/v1/contributors/" + SampleEvents.CONTRIBUTOR.hex() + "?limit=1",
            "/v1/datasets/" + SampleEvents.PARENT.toHexString() + "/blast-radius",
            "/v1/datasets/" + SampleEvents.PARENT.toHexString() + "/lineage.prov.json")) {
      String first = cached.get(path).body();
      assertThat(answers.find(path, 0)).as("kept: " + path).isPresent();
      String again = cached.get(path).body();
      assertThat(again).as(path).isEqualTo(first).isEqualTo(uncached.get(path).body());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aNewBlockChangesTheAnswerToARequestAskedBefore(Engine engine) throws Exception {
    Database database = stores.open(engine);
    AnswerCache answers = new AnswerCache();
    LedgerWriter writer = writer(database, answers);
    writer.commit(
        new Batch(
            SampleEvents.genesisBlock().cursor(),
            SampleEvents.block(1),
            List.of(),
            List.of(attest(1, 0, ROOT, List.of()), attest(1, 1, CHILD, List.of(ROOT)))));
    ApiServer api = servers.serve(database, SampleEvents.block(1).cursor(), answers);
    String path = "/v1/datasets/" + ROOT.toHexString() + "/blast-radius?list=datasets";
    JsonObject before = api.json(path);
    assertThat(api.json(path)).isEqualTo(before);
    assertThat(before.getJsonObject("data").getLong("datasetCount")).isEqualTo(2);

    writer.commit(
        new Batch(
            SampleEvents.block(1).cursor(),
            SampleEvents.block(2),
            List.of(),
            List.of(attest(2, 0, GRANDCHILD, List.of(CHILD)))));

    JsonObject after = api.json(path);
    assertThat(after.getJsonObject("block").getLong("number")).isEqualTo(2);
    assertThat(after.getJsonObject("data").getLong("datasetCount")).isEqualTo(3);
    assertThat(
            after
                .getJsonObject("data")
                .getJsonArray("items")
                .getJsonObject(2)
                .getString("datasetId"))
        .isEqualTo(GRANDCHILD.toHexString());
  }

  private LedgerWriter writer(Database database, AnswerCache answers) {
    LedgerWriter writer =
        new LedgerWriter(database, LedgerWriter.DEFAULT_OUTBOX_RETENTION_BLOCKS, answers);
    writer.seedGenesis(SampleEvents.genesis());
    return writer;
  }

  private static DecodedLog attest(long block, int n, Bytes32 id, List<Bytes32> parents) {
    return new DecodedLog(
        new LogPosition(
            block, n, SampleEvents.blockHash(block), SampleEvents.id("cached tx " + block + n), n),
        new DataProvenanceEvent.DatasetAttested(
            id, SampleEvents.OWNER, id, "s3://cached", "CC0", parents));
  }
}
