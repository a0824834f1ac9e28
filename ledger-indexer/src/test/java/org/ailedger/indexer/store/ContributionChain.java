package org.ailedger.indexer.store;

import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ailedger.indexer.event.DataProvenanceEvent;
import org.ailedger.indexer.event.DecodedLog;
import org.ailedger.indexer.event.EthAddress;
import org.ailedger.indexer.event.LedgerEvent;
import org.ailedger.indexer.event.LogPosition;
import org.ailedger.indexer.event.ModelRegistryEvent;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Attestations, submissions citing datasets, rewards and revocations committed through the real
 * writer, named by labels, in blocks and batches as a test lays them out; and the blast-radius
 * summaries the writer keeps, read back by label.
 */
final class ContributionChain {
  private final LedgerWriter writer;
  final LedgerQueries queries;
  private final Map<String, String> labels = new HashMap<>();
  private final List<List<LedgerEvent>> blocks = new ArrayList<>();
  private Cursor cursor;

  ContributionChain(Database database) {
    this.writer = new LedgerWriter(database);
    this.queries = new LedgerQueries(database);
    writer.seedGenesis(SampleEvents.genesis());
    cursor = SampleEvents.genesisBlock().cursor();
  }

  /** Over a store that already holds rows; it only reads, naming datasets as {@code labelled}. */
  static ContributionChain reading(Database database, ContributionChain labelled) {
    return new ContributionChain(database, labelled.labels);
  }

  private ContributionChain(Database database, Map<String, String> labels) {
    this.writer = new LedgerWriter(database);
    this.queries = new LedgerQueries(database);
    this.labels.putAll(labels);
  }

  /** Starts a new block of the batch being built. */
  ContributionChain block() {
    blocks.add(new ArrayList<>());
    return this;
  }

  ContributionChain attest(String dataset, String... parents) {
    return add(
        new DataProvenanceEvent.DatasetAttested(
            id(dataset),
            SampleEvents.OWNER,
            SampleEvents.id("content " + dataset),
            "s3://" + dataset,
            "CC-BY-4.0",
            Arrays.stream(parents).map(this::id).toList()));
  }

  /** Contributor {@code n}'s update in {@code round} of the model, citing {@code datasets}. */
  ContributionChain submit(int n, long round, String... datasets) {
    add(
        new ModelRegistryEvent.UpdateSubmitted(
            SampleEvents.MODEL,
            round,
            contributor(n),
            SampleEvents.id("update " + n + "/" + round),
            BigInteger.TEN));
    return add(
        new ModelRegistryEvent.UpdateDatasets(
            SampleEvents.MODEL,
            round,
            contributor(n),
            Arrays.stream(datasets).map(this::id).toList(),
            SampleEvents.id("metrics " + n)));
  }

  ContributionChain reward(int n, long round, BigInteger reward) {
    return add(
        new ModelRegistryEvent.ContributionRewarded(
            SampleEvents.MODEL, round, contributor(n), BigInteger.ONE, reward));
  }

  ContributionChain revoke(String dataset) {
    return add(
        new DataProvenanceEvent.DatasetRevoked(
            id(dataset), SampleEvents.AUDITOR, SampleEvents.id("poisoned")));
  }

  /** Commits the blocks built since the last commit as one batch. */
  void commit() {
    List<DecodedLog> logs = new ArrayList<>();
    List<Block> kept = new ArrayList<>();
    long number = cursor.blockNumber();
    for (List<LedgerEvent> events : blocks) {
      number++;
      Block block = SampleEvents.block(number);
      kept.add(block);
      for (int index = 0; index < events.size(); index++) {
        logs.add(
            new DecodedLog(
                new LogPosition(
                    number, index, block.hash(), SampleEvents.id("tx " + number + "/" + index), 0),
                events.get(index)));
      }
    }
    Block last = kept.removeLast();
    Batch batch = new Batch(cursor, last, kept, logs);
    writer.commit(batch);
    cursor = batch.cursor();
    blocks.clear();
  }

  /** Each radius's size, as {@code ancestor=count}. */
  List<String> sizes() {
    return rows(
        "SELECT ancestor_id, dataset_count FROM radius_sizes",
        row -> labels.get(row.getString(1)) + "=" + row.getLong(2));
  }

  /** Each radius's hits, as {@code ancestor: contributor/round cited N nearest DATASET}. */
  List<String> hits() {
    return rows(
        "SELECT h.ancestor_id, h.contributor, h.round, h.cited, c.descendant_id"
            + " FROM radius_hits h JOIN lineage_closure c ON c.ancestor_id = h.ancestor_id"
            + " AND c.block_number = h.nearest_block AND c.log_index = h.nearest_log"
            + " AND c.depth = h.nearest_depth",
        row ->
            labels.get(row.getString(1))
                + ": "
                + contributorNumber(row.getString(2))
                + "/"
                + row.getLong(3)
                + " cited "
                + row.getInt(4)
                + " nearest "
                + labels.get(row.getString(5)));
  }

  /** Each radius's round totals, as {@code ancestor: round R updates U rewards N total T}. */
  List<String> rounds() {
    return rows(
        "SELECT * FROM radius_rounds",
        row -> {
          BigInteger total = BigInteger.ZERO;
          for (int slice = RadiusSummaries.SLICES - 1; slice >= 0; slice--) {
            total =
                total
                    .multiply(BigInteger.TEN.pow(9))
                    .add(BigInteger.valueOf(row.getLong("reward_" + slice)));
          }
          return labels.get(row.getString("ancestor_id"))
              + ": round "
              + row.getLong("round")
              + " updates "
              + row.getLong("update_count")
              + " rewards "
              + row.getLong("reward_count")
              + " total "
              + total;
        });
  }

  /**
   * The round totals counted afresh from the rows (closure, citations, rewards) in Java, as {@link
   * #rounds()} reads them: what the kept totals must always equal.
   */
  List<String> roundsCountedFromTheRows() {
    record Hit(String ancestor, long round, String contributor) {}
    List<Hit> hits =
        rows(
            "SELECT DISTINCT c.ancestor_id, d.round, d.contributor FROM update_datasets d"
                + " JOIN lineage_closure c ON c.descendant_id = d.dataset_id",
            row -> new Hit(row.getString(1), row.getLong(2), row.getString(3)));
    record Paid(long round, String contributor, BigInteger reward) {}
    Map<String, List<BigInteger>> rewards = new HashMap<>();
    for (Paid paid :
        rows(
            "SELECT round, contributor, reward FROM rewards",
            row ->
                new Paid(
                    row.getLong(1), row.getString(2), queries.engine().readUint(row, "reward")))) {
      rewards
          .computeIfAbsent(paid.round() + paid.contributor(), k -> new ArrayList<>())
          .add(paid.reward());
    }
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, BigInteger> totals = new HashMap<>();
    for (Hit hit : hits) {
      String key = labels.get(hit.ancestor()) + ": round " + hit.round();
      List<BigInteger> paid = rewards.getOrDefault(hit.round() + hit.contributor(), List.of());
      long[] count = counts.computeIfAbsent(key, k -> new long[2]);
      count[0] += Math.max(1, paid.size());
      count[1] += paid.size();
      totals.merge(key, paid.stream().reduce(BigInteger.ZERO, BigInteger::add), BigInteger::add);
    }
    List<String> rounds = new ArrayList<>();
    counts.forEach(
        (key, count) ->
            rounds.add(
                key
                    + " updates "
                    + count[0]
                    + " rewards "
                    + count[1]
                    + " total "
                    + totals.get(key)));
    return rounds;
  }

  static EthAddress contributor(int n) {
    return SampleEvents.address(100 + n);
  }

  private static int contributorNumber(String address) {
    return Integer.parseInt(address.substring(2), 16) - 100;
  }

  private ContributionChain add(LedgerEvent event) {
    if (blocks.isEmpty()) {
      block();
    }
    blocks.getLast().add(event);
    return this;
  }

  private Bytes32 id(String label) {
    Bytes32 id = SampleEvents.id("dataset " + label);
    labels.put(id.toHexString(), label);
    return id;
  }

  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private <T> List<T> rows(String sql, RowReader<T> reader) {
    return queries.read(
        connection -> {
          List<T> rows = new ArrayList<>();
          try (PreparedStatement query = connection.prepareStatement(sql);
              ResultSet row = query.executeQuery()) {
            while (row.next()) {
              rows.add(reader.read(row));
            }
          }
          return rows;
        });
  }
}
