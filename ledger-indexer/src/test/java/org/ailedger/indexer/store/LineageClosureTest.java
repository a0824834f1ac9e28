package org.ailedger.indexer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.ailedger.indexer.event.DataProvenanceEvent;
import org.ailedger.indexer.event.DecodedLog;
import org.ailedger.indexer.event.LogPosition;
import org.ailedger.indexer.event.ModelRegistryEvent;
import org.apache.tuweni.bytes.Bytes32;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * The lineage closure the writer keeps beside the lineage edges, and the one migration 3.2 builds
 * for a store written before it, on both engines. Rows read as {@code ancestor>descendant@depth}.
 */
class LineageClosureTest {
  /** In {@link Attestations#commitTogether}, a list starting with this cites the rest. */
  private static final String CITE = "cite";

  @RegisterExtension final TestStores stores = new TestStores();

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aChainHoldsEveryAncestorAtItsDistance(Engine engine) throws Exception {
    Attestations chain = new Attestations(stores.open(engine));

    chain.commit("a");
    chain.commit("b", "a");
    chain.commit("c", "b");

    assertThat(chain.closure())
        .containsExactlyInAnyOrder("a>a@0", "b>b@0", "c>c@0", "a>b@1", "b>c@1", "a>c@2");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aDiamondKeepsOneRowPerPairAtTheShortestDistance(Engine engine) throws Exception {
    Attestations chain = new Attestations(stores.open(engine));

    chain.commit("root");
    chain.commit("left", "root");
    chain.commit("right", "root");
    chain.commit("deep", "right");
    // reaches root through left (2), deep (3) and directly (1)
    chain.commit("join", "left", "deep", "root");

    assertThat(chain.closure())
        .filteredOn(row -> row.contains(">join@"))
        .containsExactlyInAnyOrder(
            "join>join@0", "left>join@1", "deep>join@1", "root>join@1", "right>join@2");
    assertThat(chain.closure()).hasSize(1 + 2 + 2 + 3 + 5);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void parentsAttestedEarlierInTheSameBatchAreFound(Engine engine) throws Exception {
    Attestations chain = new Attestations(stores.open(engine));

    chain.commitTogether(
        List.of(List.of("a"), List.of("b", "a"), List.of("c", "b"), List.of("d", "c", "a")));

    assertThat(chain.closure())
        .containsExactlyInAnyOrder(
            "a>a@0", "b>b@0", "c>c@0", "d>d@0", "a>b@1", "b>c@1", "a>c@2", "c>d@1", "a>d@1",
            "b>d@2");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aCitationMarksEveryRowOfTheCitedDatasetEvenOneAttestedInTheSameBatch(Engine engine)
      throws Exception {
    Attestations chain = new Attestations(stores.open(engine));
    chain.commit("a");
    chain.commit("b", "a");

    // citations of b and of c, attested between them in the same batch, and b again
    chain.commitTogether(
        List.of(
            List.of(CITE, "b"),
            List.of("c", "b"),
            List.of("d", "c"),
            List.of(CITE, "c", "b"),
            List.of(CITE, "b")));

    assertThat(chain.cited())
        .containsExactlyInAnyOrder("b>b@0", "a>b@1", "c>c@0", "b>c@1", "a>c@2");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aDeepLineGrowsWithTheSquareOfItsLength(Engine engine) throws Exception {
    Attestations chain = new Attestations(stores.open(engine));
    int length = 120;
    List<List<String>> line = new ArrayList<>();
    line.add(List.of("d0"));
    for (int i = 1; i < length; i++) {
      line.add(List.of("d" + i, "d" + (i - 1)));
    }

    // two batches, the second continuing the line of the first
    chain.commitTogether(line.subList(0, length / 2));
    chain.commitTogether(line.subList(length / 2, length));

    assertThat(chain.queries.rowCount("lineage_closure")).isEqualTo(length * (length + 1) / 2);
    assertThat(chain.closure()).contains("d0>d" + (length - 1) + "@" + (length - 1));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theMigrationBuildsTheClosureOfAStoreWrittenBeforeIt(Engine engine) throws Exception {
    Attestations written = new Attestations(stores.open(engine));
    written.commit("root");
    written.commit("left", "root");
    written.commit("right", "root");
    written.commitTogether(
        List.of(
            List.of("deep", "right"),
            List.of("join", "left", "deep", "root"),
            List.of(CITE, "deep")));
    written.commit("lone");
    StoreLocation old = stores.location(engine);
    DataSource plain = plainDataSource(old);
    Flyway.configure(getClass().getClassLoader())
        .dataSource(plain)
        .locations("classpath:db/migration")
        .placeholders(Map.of("uint", engine.uintType()))
        .target("3.1")
        .load()
        .migrate();
    try (Connection connection = plain.getConnection()) {
      copy(written.queries, connection, "datasets");
      copy(written.queries, connection, "lineage");
      copy(written.queries, connection, "update_datasets");
    }

    Attestations upgraded = new Attestations(stores.open(old), written.labels);

    assertThat(upgraded.closure())
        .hasSize(1 + 2 + 2 + 3 + 5 + 1)
        .containsExactlyInAnyOrderElementsOf(written.closure());
    assertThat(upgraded.cited())
        .containsExactlyInAnyOrder("deep>deep@0", "right>deep@1", "root>deep@2")
        .containsExactlyInAnyOrderElementsOf(written.cited());
    List<String> misplaced =
        upgraded.queries.read(
            connection ->
                rows(
                    connection,
                    "SELECT descendant_id, block_number, log_index FROM lineage_closure"
                        + " EXCEPT SELECT dataset_id, block_number, log_index FROM datasets"));
    assertThat(misplaced).as("each row carries its descendant's attestation").isEmpty();
  }

  private static DataSource plainDataSource(StoreLocation location) {
    return switch (location) {
      case StoreLocation.SqliteFile sqlite -> {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + sqlite.file());
        yield dataSource;
      }
      case StoreLocation.Postgres postgres -> {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl());
        if (postgres.user() != null) {
          dataSource.setUser(postgres.user());
        }
        if (postgres.password() != null) {
          dataSource.setPassword(postgres.password());
        }
        yield dataSource;
      }
    };
  }

  /** Copies every row of {@code table} (all its columns, in order) into {@code target}. */
  private static void copy(LedgerQueries from, Connection target, String table) {
    List<Object[]> rows =
        from.read(
            connection -> {
              List<Object[]> read = new ArrayList<>();
              try (PreparedStatement query = connection.prepareStatement("SELECT * FROM " + table);
                  ResultSet row = query.executeQuery()) {
                int columns = row.getMetaData().getColumnCount();
                while (row.next()) {
                  Object[] values = new Object[columns];
                  for (int i = 0; i < columns; i++) {
                    values[i] = row.getObject(i + 1);
                  }
                  read.add(values);
                }
              }
              return read;
            });
    for (Object[] values : rows) {
      try (PreparedStatement insert =
          target.prepareStatement(
              "INSERT INTO "
                  + table
                  + " VALUES ("
                  + String.join(", ", java.util.Collections.nCopies(values.length, "?"))
                  + ")")) {
        for (int i = 0; i < values.length; i++) {
          insert.setObject(i + 1, values[i]);
        }
        insert.executeUpdate();
      } catch (SQLException e) {
        throw new AssertionError("cannot copy a row of " + table, e);
      }
    }
  }

  private static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql);
        ResultSet row = query.executeQuery()) {
      while (row.next()) {
        rows.add(row.getString(1));
      }
    }
    return rows;
  }

  /** Commits attestations through the real writer, one block per batch, and reads the closure. */
  private static final class Attestations {
    private final LedgerWriter writer;
    private final LedgerQueries queries;
    private final Map<String, String> labels;
    private Cursor cursor;

    Attestations(Database database) {
      this(database, new HashMap<>());
      writer.seedGenesis(SampleEvents.genesis());
      cursor = SampleEvents.genesisBlock().cursor();
    }

    /** Over a store that already holds its datasets; it only reads. */
    Attestations(Database database, Map<String, String> labels) {
      this.writer = new LedgerWriter(database);
      this.queries = new LedgerQueries(database);
      this.labels = labels;
    }

    /** Attests {@code dataset} with {@code parents} in a block of its own. */
    void commit(String dataset, String... parents) {
      List<String> attestation = new ArrayList<>();
      attestation.add(dataset);
      attestation.addAll(Arrays.asList(parents));
      commitTogether(List.of(attestation));
    }

    /** Attests each (dataset, parents…) in turn as consecutive logs of one block and one batch. */
    void commitTogether(List<List<String>> attestations) {
      long number = cursor.blockNumber() + 1;
      Block block = SampleEvents.block(number);
      List<DecodedLog> logs = new ArrayList<>();
      for (int index = 0; index < attestations.size(); index++) {
        List<String> attestation = attestations.get(index);
        String dataset = attestation.getFirst();
        LogPosition at =
            new LogPosition(number, index, block.hash(), SampleEvents.id("tx " + index), index);
        if (dataset.equals(CITE)) {
          logs.add(
              new DecodedLog(
                  at,
                  new ModelRegistryEvent.UpdateDatasets(
                      SampleEvents.MODEL,
                      number,
                      SampleEvents.CONTRIBUTOR,
                      attestation.stream().skip(1).map(this::id).toList(),
                      SampleEvents.id("metrics"))));
          continue;
        }
        List<Bytes32> parents = attestation.stream().skip(1).map(this::id).toList();
        logs.add(
            new DecodedLog(
                new LogPosition(
                    number, index, block.hash(), SampleEvents.id("tx " + dataset), index),
                new DataProvenanceEvent.DatasetAttested(
                    id(dataset),
                    SampleEvents.OWNER,
                    SampleEvents.id("content " + dataset),
                    "s3://" + dataset,
                    "CC-BY-4.0",
                    parents)));
      }
      Batch batch = new Batch(cursor, block, List.of(), logs);
      writer.commit(batch);
      cursor = batch.cursor();
    }

    private Bytes32 id(String label) {
      Bytes32 id = SampleEvents.id("dataset " + label);
      labels.put(id.toHexString(), label);
      return id;
    }

    List<String> closure() {
      return rows("SELECT ancestor_id, descendant_id, depth FROM lineage_closure");
    }

    /** The rows marked cited. */
    List<String> cited() {
      return rows(
          "SELECT ancestor_id, descendant_id, depth FROM lineage_closure"
              + " WHERE descendant_cited = 1");
    }

    private List<String> rows(String sql) {
      return queries.read(
          connection -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(sql);
                ResultSet row = query.executeQuery()) {
              while (row.next()) {
                rows.add(
                    labels.get(row.getString(1))
                        + ">"
                        + labels.get(row.getString(2))
                        + "@"
                        + row.getInt(3));
              }
            }
            return rows;
          });
    }
  }
}
