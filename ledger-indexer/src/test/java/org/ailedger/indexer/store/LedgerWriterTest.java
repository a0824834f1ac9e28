package org.ailedger.indexer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ailedger.indexer.event.DecodedLog;
import org.ailedger.indexer.event.EthAddress;
import org.ailedger.indexer.event.LogPosition;
import org.ailedger.indexer.event.ModelRegistryEvent;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The repository layer, run against both engines: SQLite in a file, a real PostgreSQL server. */
class LedgerWriterTest {
  @RegisterExtension final TestStores stores = new TestStores();

  private static final Map<String, Long> ROWS_OF_EVERY_EVENT =
      Map.ofEntries(
          Map.entry("members", 2L + 2L),
          Map.entry("roles", 3L + 2L),
          Map.entry("nodes", 1L + 2L),
          Map.entry("validators", 1L + 2L),
          Map.entry("datasets", 2L),
          Map.entry("lineage", 1L),
          // each dataset at depth 0, and the child's parent
          Map.entry("lineage_closure", 2L + 1L),
          Map.entry("endorsements", 1L),
          Map.entry("revocations", 1L),
          Map.entry("models", 1L),
          Map.entry("rounds", 1L),
          Map.entry("updates", 1L),
          Map.entry("update_datasets", 2L),
          Map.entry("rewards", 1L),
          Map.entry("reputation_changes", 2L),
          Map.entry("token_allocations", 1L),
          Map.entry("token_transfers", 2L),
          Map.entry("token_approvals", 1L),
          Map.entry("proposals", 2L),
          Map.entry("votes", 1L),
          Map.entry("parameters", 2L + 1L),
          Map.entry("outbox", 31L),
          Map.entry("events", 31L),
          Map.entry("blocks", 1L + 4L));

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aNewStoreHasNoCursorUntilTheGenesisStateIsSeeded(Engine engine) throws Exception {
    Database database = stores.open(engine);
    LedgerWriter writer = new LedgerWriter(database);
    assertThat(writer.cursor()).isEmpty();

    writer.seedGenesis(SampleEvents.genesis());

    assertThat(writer.cursor()).contains(SampleEvents.genesisBlock().cursor());
    assertThat(writer.chain())
        .contains(new ChainIdentity(1337, SampleEvents.genesisBlock().hash()));
    LedgerQueries queries = new LedgerQueries(database);
    assertThat(queries.rowCount("members")).isEqualTo(2);
    assertThat(queries.rowCount("roles")).isEqualTo(3);
    assertThat(queries.rowCount("token_allocations"))
        .as("zero balances are no allocation")
        .isEqualTo(1);
    assertThat(
            text(queries, "SELECT role_name FROM roles WHERE block_number = 0 AND log_index = 0"))
        .isEqualTo("MODEL_OWNER");
    assertThatThrownBy(() -> writer.seedGenesis(SampleEvents.genesis()))
        .isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void everyEventLandsInItsTableAndTheOutboxWithTheCursorInOneCommit(Engine engine)
      throws Exception {
    Database database = stores.open(engine);
    LedgerWriter writer = new LedgerWriter(database);
    writer.seedGenesis(SampleEvents.genesis());

    writer.commit(everyEventBatch());

    LedgerQueries queries = new LedgerQueries(database);
    Map<String, Long> counts = new HashMap<>();
    ROWS_OF_EVERY_EVENT.keySet().forEach(table -> counts.put(table, queries.rowCount(table)));
    assertThat(counts).isEqualTo(ROWS_OF_EVERY_EVENT);
    assertThat(writer.cursor()).contains(SampleEvents.block(4).cursor());
    List<String> ids = queries.outboxAfter(0, 0, 100).stream().map(OutboxEntry::eventId).toList();
    assertThat(ids).hasSize(31).startsWith("1:0", "1:1").endsWith("4:0");
    assertThat(
            rows(
                queries,
                "SELECT e.block_number, e.log_index, e.tx_index, e.event, e.payload = o.payload"
                    + " FROM events e JOIN outbox o ON o.block_number = e.block_number"
                    + " AND o.log_index = e.log_index WHERE e.tx_hash = '"
                    + SampleEvents.id("tx 12").toHexString()
                    + "'"))
        .as("each event is kept with its transaction's index, in the outbox's form")
        .containsExactly("2 2 2 ModelRegistered " + (engine == Engine.SQLITE ? "1" : "t"));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void followUpEventsCompleteTheRowsTheyReferTo(Engine engine) throws Exception {
    Database database = stores.open(engine);
    LedgerWriter writer = new LedgerWriter(database);
    writer.seedGenesis(SampleEvents.genesis());
    writer.commit(everyEventBatch());
    LedgerQueries queries = new LedgerQueries(database);

    assertThat(
            text(
                queries,
                "SELECT status || ' ' || aggregate_hash || ' ' || finalized_block_number"
                    + " FROM rounds"))
        .isEqualTo("finalized " + SampleEvents.id("aggregate").toHexString() + " 3");
    assertThat(text(queries, "SELECT metrics_hash FROM updates"))
        .isEqualTo(SampleEvents.id("metrics").toHexString());
    assertThat(text(queries, "SELECT relayer FROM datasets WHERE relayer IS NOT NULL"))
        .isEqualTo(SampleEvents.AGGREGATOR.hex());
    assertThat(
            text(
                queries,
                "SELECT outcome || ' ' || eta || ' ' || expires_at FROM proposals"
                    + " WHERE proposal_id = 1"))
        .isEqualTo("executed 43 86443");
    assertThat(text(queries, "SELECT outcome FROM proposals WHERE proposal_id = 2"))
        .isEqualTo("canceled");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void manyCompletionsInOneBatchEachCompleteTheirOwnRow(Engine engine) throws Exception {
    // completions go to the database batched after the inserts: each must still hit its own row,
    // and one whose row the store lacks (missing history) changes nothing and fails nothing
    Database database = stores.open(engine);
    LedgerWriter writer = new LedgerWriter(database);
    writer.seedGenesis(SampleEvents.genesis());
    List<DecodedLog> logs = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      EthAddress contributor = SampleEvents.address(1000 + i);
      logs.add(
          log(
              logs.size(),
              new ModelRegistryEvent.UpdateSubmitted(
                  SampleEvents.MODEL, 1, contributor, SampleEvents.id("u" + i), BigInteger.ONE)));
      logs.add(
          log(
              logs.size(),
              new ModelRegistryEvent.UpdateDatasets(
                  SampleEvents.MODEL,
                  1,
                  contributor,
                  List.of(SampleEvents.PARENT),
                  SampleEvents.id("metrics " + i))));
    }
    logs.add(
        log(
            logs.size(),
            new ModelRegistryEvent.UpdateDatasets(
                SampleEvents.MODEL,
                2,
                SampleEvents.CONTRIBUTOR,
                List.of(SampleEvents.CHILD),
                SampleEvents.id("orphan"))));
    writer.commit(
        new Batch(SampleEvents.genesisBlock().cursor(), SampleEvents.block(1), List.of(), logs));

    LedgerQueries queries = new LedgerQueries(database);
    assertThat(queries.rowCount("updates")).isEqualTo(300);
    assertThat(
            rows(
                queries,
                "SELECT contributor, metrics_hash FROM updates ORDER BY log_index LIMIT 2"))
        .containsExactly(
            SampleEvents.address(1000).hex() + " " + SampleEvents.id("metrics 0").toHexString(),
            SampleEvents.address(1001).hex() + " " + SampleEvents.id("metrics 1").toHexString());
    assertThat(text(queries, "SELECT COUNT(*) FROM updates WHERE metrics_hash IS NULL"))
        .isEqualTo("0");
    assertThat(
            text(
                queries,
                "SELECT metrics_hash FROM updates WHERE contributor = '"
                    + SampleEvents.address(1299).hex()
                    + "'"))
        .isEqualTo(SampleEvents.id("metrics 299").toHexString());
    assertThat(queries.rowCount("update_datasets")).isEqualTo(301);
    assertThat(queries.cursor()).contains(SampleEvents.block(1).cursor());
  }

  private static DecodedLog log(int index, org.ailedger.indexer.event.LedgerEvent event) {
    return new DecodedLog(
        new LogPosition(1, index, SampleEvents.blockHash(1), SampleEvents.id("tx " + index), index),
        event);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void bigIntegersAndNegativeReputationReadBackExactly(Engine engine) throws Exception {
    Database database = stores.open(engine);
    LedgerWriter writer = new LedgerWriter(database);
    writer.seedGenesis(SampleEvents.genesis());
    writer.commit(everyEventBatch());
    LedgerQueries queries = new LedgerQueries(database);

    assertThat(uintOf(queries, "SELECT reward FROM rewards", "reward"))
        .isEqualTo(SampleEvents.POOL);
    assertThat(uintOf(queries, "SELECT sample_count FROM updates", "sample_count"))
        .isEqualTo(BigInteger.TWO.pow(64).subtract(BigInteger.ONE));
    assertThat(
            uintOf(
                queries,
                "SELECT reputation FROM reputation_changes WHERE contributor = '"
                    + SampleEvents.OWNER.hex()
                    + "'",
                "reputation"))
        .isEqualTo(BigInteger.valueOf(-3));
    assertThat(uintOf(queries, "SELECT raw_balance FROM votes", "raw_balance"))
        .isEqualTo(SampleEvents.TOKEN.multiply(BigInteger.valueOf(1_000_000)));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aReplayedBatchIsRefusedAndStoresNothingTwice(Engine engine) throws Exception {
    Database database = stores.open(engine);
    LedgerWriter writer = new LedgerWriter(database);
    writer.seedGenesis(SampleEvents.genesis());
    Batch batch = everyEventBatch();
    writer.commit(batch);

    assertThatThrownBy(() -> writer.commit(batch))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cursor");

    LedgerQueries queries = new LedgerQueries(database);
    assertThat(queries.rowCount("outbox")).isEqualTo(31);
    assertThat(queries.rowCount("token_transfers")).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aFailedCommitLeavesNeitherRowsNorCursorBehind(Engine engine) throws Exception {
    Database database = stores.open(engine);
    LedgerWriter writer = new LedgerWriter(database);
    writer.seedGenesis(SampleEvents.genesis());
    List<DecodedLog> events = new ArrayList<>(SampleEvents.everyEvent());
    // the last event breaks a NOT NULL column after all the others are written
    events.add(
        new DecodedLog(
            new LogPosition(4, 1, SampleEvents.blockHash(4), SampleEvents.id("bad tx"), 0),
            new ModelRegistryEvent.ModelRegistered(
                SampleEvents.id("other model"), SampleEvents.OWNER, SampleEvents.OWNER, null)));
    Batch broken =
        new Batch(
            SampleEvents.genesisBlock().cursor(),
            SampleEvents.block(4),
            List.of(SampleEvents.block(1), SampleEvents.block(2), SampleEvents.block(3)),
            events);

    assertThatThrownBy(() -> writer.commit(broken)).isInstanceOf(StoreException.class);

    LedgerQueries queries = new LedgerQueries(database);
    assertThat(writer.cursor()).contains(SampleEvents.genesisBlock().cursor());
    assertThat(queries.rowCount("blocks")).isEqualTo(1);
    assertThat(queries.rowCount("outbox")).isZero();
    writer.commit(everyEventBatch());
    assertThat(queries.rowCount("outbox")).isEqualTo(31);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void reopeningAStoreKeepsItsHistoryAndSchema(Engine engine) throws Exception {
    StoreLocation location = stores.location(engine);
    Database first = stores.open(location);
    LedgerWriter writer = new LedgerWriter(first);
    writer.seedGenesis(SampleEvents.genesis());
    writer.commit(everyEventBatch());
    first.close();

    Database again = stores.open(location);

    assertThat(new LedgerWriter(again).cursor()).contains(SampleEvents.block(4).cursor());
    assertThat(new LedgerQueries(again).rowCount("outbox")).isEqualTo(31);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void jdbcOnAVertxEventLoopIsRefused(Engine engine) throws Exception {
    Database database = stores.open(engine);
    LedgerWriter writer = new LedgerWriter(database);
    Vertx vertx = Vertx.vertx();
    try {
      CompletableFuture<Throwable> failure = new CompletableFuture<>();
      vertx.runOnContext(
          ignored -> {
            try {
              writer.cursor();
              failure.complete(null);
            } catch (RuntimeException e) {
              failure.complete(e);
            }
          });
      assertThat(failure.get(10, TimeUnit.SECONDS))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("event loop");

      QueryPool pool = new QueryPool(vertx, new LedgerQueries(database), 2);
      assertThat(
              pool.read(LedgerQueries::cursor)
                  .toCompletionStage()
                  .toCompletableFuture()
                  .get(10, TimeUnit.SECONDS))
          .isEmpty();
      pool.close();
    } finally {
      vertx.close().await();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theExampleQueriesOfTheDocsRunOnBothEngines(Engine engine) throws Exception {
    Database database = stores.open(engine);
    LedgerWriter writer = new LedgerWriter(database);
    writer.seedGenesis(SampleEvents.genesis());
    writer.commit(everyEventBatch());
    LedgerQueries queries = new LedgerQueries(database);

    // docs/indexer.md, "Example queries": the blast radius of the revoked parent dataset
    assertThat(
            rows(
                queries,
                "WITH RECURSIVE tainted(dataset_id) AS ("
                    + " SELECT dataset_id FROM revocations"
                    + " UNION SELECT l.dataset_id FROM lineage l"
                    + " JOIN tainted t ON l.parent_id = t.dataset_id)"
                    + " SELECT DISTINCT u.model_id, u.round, u.contributor"
                    + " FROM update_datasets u JOIN tainted t ON u.dataset_id = t.dataset_id"))
        .containsExactly(SampleEvents.MODEL.toHexString() + " 1 " + SampleEvents.CONTRIBUTOR.hex());
    assertThat(
            rows(
                queries,
                "SELECT validator FROM validators v WHERE action = 'added' AND NOT EXISTS ("
                    + " SELECT 1 FROM validators later WHERE later.validator = v.validator"
                    + " AND (later.block_number, later.log_index)"
                    + " > (v.block_number, v.log_index))"))
        .containsExactly(SampleEvents.address(100).hex());
    assertThat(rows(queries, "SELECT member_id, support FROM votes WHERE proposal_id = 1"))
        .containsExactly(SampleEvents.MEMBER.toHexString() + " 1");
  }

  private static List<String> rows(LedgerQueries queries, String sql) {
    LedgerQueries.Read<List<String>> read =
        connection -> {
          List<String> rows = new ArrayList<>();
          try (PreparedStatement query = connection.prepareStatement(sql);
              ResultSet row = query.executeQuery()) {
            int columns = row.getMetaData().getColumnCount();
            while (row.next()) {
              List<String> values = new ArrayList<>();
              for (int i = 1; i <= columns; i++) {
                values.add(row.getString(i));
              }
              rows.add(String.join(" ", values));
            }
          }
          return rows;
        };
    return queries.read(read);
  }

  private static Batch everyEventBatch() {
    return SampleEvents.everyEventBatch();
  }

  private static String text(LedgerQueries queries, String sql) {
    LedgerQueries.Read<String> read =
        connection -> {
          try (PreparedStatement query = connection.prepareStatement(sql);
              ResultSet row = query.executeQuery()) {
            assertThat(row.next()).as(sql).isTrue();
            return row.getString(1);
          }
        };
    return queries.read(read);
  }

  private static BigInteger uintOf(LedgerQueries queries, String sql, String column) {
    LedgerQueries.Read<BigInteger> read =
        connection -> {
          try (PreparedStatement query = connection.prepareStatement(sql);
              ResultSet row = query.executeQuery()) {
            assertThat(row.next()).as(sql).isTrue();
            return queries.engine().readUint(row, column);
          }
        };
    return queries.read(read);
  }
}
