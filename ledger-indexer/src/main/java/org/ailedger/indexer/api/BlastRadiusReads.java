package org.ailedger.indexer.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ailedger.indexer.store.Engine;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What a dataset reaches: the dataset and its descendants through lineage (the radius), the updates
 * citing any of them, their rounds and models, and the rewards paid to those updates' contributors
 * in those rounds. The radius is one range read of the lineage closure the ingester keeps ({@code
 * lineage_closure}, by ancestor): at most {@link #MAX_DATASETS} datasets, the nearest generations
 * first and each generation in chain order, so a truncated radius holds the nearest ones. The
 * updates or the datasets are paged. Holds no state; safe for the query pool's concurrent workers.
 */
final class BlastRadiusReads {
  /** The most datasets (the root included) one radius covers; beyond, it is truncated. */
  static final int MAX_DATASETS = 10_000;

  /** The most rounds and models listed; the totals always count all of them. */
  static final int MAX_ROUNDS = 1000;

  /** What the answer's page lists. */
  enum Listing {
    UPDATES,
    DATASETS
  }

  /**
   * How many datasets the radius has, counted up to MAX_DATASETS + 1 to learn whether it is cut.
   * Parameters: the root id, the limit.
   */
  private static final String WALKED =
      "SELECT COUNT(*) FROM (SELECT 1 FROM lineage_closure WHERE ancestor_id = ? LIMIT ?) r";

  private static final String REWARD_OF_HIT =
      " LEFT JOIN rewards w ON w.model_id = h.model_id AND w.round = h.round"
          + " AND w.contributor = h.contributor";

  /**
   * The radius as SQL (parameters: the root id, MAX_DATASETS), with the updates that cite a dataset
   * of it. The closure's index by (ancestor, depth, block, log index) hands the rows out in the
   * order the cut needs, so the cut reads no more than it keeps.
   */
  private static String radius(Engine engine) {
    // PostgreSQL would plan the join to update_datasets at an estimate of the radius's size and
    // could hash-join a scan of every citation; an id array makes it probe the index per id
    // (measured 72 -> 24 ms for 10 000 ids when the ids came as a JSON array). SQLite's plan
    // already probes the index per id.
    // Only the cited datasets of the radius are looked up in update_datasets: a lookup per dataset
    // of the radius was most of its cost (SQLite: 7-10 ms of CPU for 10 000), and most datasets of
    // a wide lineage are never cited.
    String cited =
        switch (engine) {
          case SQLITE ->
              " FROM radius r JOIN update_datasets c ON c.dataset_id = r.id"
                  + " WHERE r.dataset_cited = 1";
          case POSTGRESQL ->
              " FROM update_datasets c WHERE c.dataset_id"
                  + " = ANY(ARRAY(SELECT id FROM radius WHERE dataset_cited = 1))";
        };
    return "WITH radius AS (SELECT descendant_id AS id, descendant_cited AS dataset_cited,"
        + " block_number, log_index FROM lineage_closure WHERE ancestor_id = ?"
        + " ORDER BY depth, block_number, log_index LIMIT ?),"
        + " hit AS (SELECT c.model_id, c.round, c.contributor, COUNT(*) AS cited"
        + cited
        + " GROUP BY c.model_id, c.round, c.contributor) ";
  }

  /** Binds the radius's parameters; answers the next parameter's index. */
  private static int bindRadius(PreparedStatement query, String root) throws SQLException {
    query.setString(1, root);
    query.setInt(2, MAX_DATASETS);
    return 3;
  }

  JsonObject blastRadius(Snapshot at, Bytes32 datasetId, Listing listing, Page page)
      throws SQLException {
    String id = datasetId.toHexString();
    if (!attested(at, id)) {
      throw ModelReads.notFound("dataset " + id);
    }
    JsonObject json = new JsonObject().put("datasetId", id).put("revoked", revoked(at, id));
    summary(at, walked(at, id), id, json);
    JsonObject list =
        switch (listing) {
          case UPDATES -> updates(at, id, page);
          case DATASETS -> datasets(at, id, page);
        };
    json.put("list", listing.name().toLowerCase(Locale.ROOT));
    json.put("items", list.getJsonArray("data"));
    return new JsonObject().put("data", json).put("nextCursor", list.getString("nextCursor"));
  }

  /** Counts, totals, rounds and models of the radius. */
  private static void summary(Snapshot at, long walked, String root, JsonObject json)
      throws SQLException {
    List<JsonObject> rounds = new ArrayList<>();
    Map<String, Totals> models = new LinkedHashMap<>();
    Totals all = new Totals();
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                radius(at.engine())
                    + "SELECT h.model_id, h.round, COUNT(*) AS update_count,"
                    + " COUNT(w.reward) AS reward_count, "
                    + UintSum.terms(at.engine(), "w.reward", "total")
                    + " FROM hit h"
                    + REWARD_OF_HIT
                    + " GROUP BY h.model_id, h.round"
                    + " ORDER BY h.model_id, h.round")) {
      bindRadius(query, root);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          String model = row.getString("model_id");
          long updates = row.getLong("update_count");
          long rewards = row.getLong("reward_count");
          BigInteger total = UintSum.read(at.engine(), row, "total");
          all.add(updates, rewards, total);
          Totals perModel = models.computeIfAbsent(model, m -> new Totals());
          perModel.add(updates, rewards, total);
          perModel.rounds++;
          if (rounds.size() < MAX_ROUNDS + 1) {
            rounds.add(
                new JsonObject()
                    .put("modelId", model)
                    .put("round", row.getLong("round"))
                    .put("updateCount", updates)
                    .put("rewardCount", rewards)
                    .put("rewardTotal", total.toString()));
          }
        }
      }
    }
    JsonArray modelList = new JsonArray();
    models.entrySet().stream()
        .limit(MAX_ROUNDS)
        .forEach(
            model ->
                modelList.add(
                    model
                        .getValue()
                        .json()
                        .put("modelId", model.getKey())
                        .put("roundCount", model.getValue().rounds)));
    json.put("datasetCount", Math.min(walked, MAX_DATASETS))
        .put("truncated", walked > MAX_DATASETS)
        .put("updateCount", all.updates)
        .put("rewardCount", all.rewards)
        .put("rewardTotal", all.total.toString())
        .put("rounds", new JsonArray(rounds.stream().limit(MAX_ROUNDS).toList()))
        .put("roundsTruncated", rounds.size() > MAX_ROUNDS)
        .put("models", modelList)
        .put("modelsTruncated", models.size() > MAX_ROUNDS);
  }

  /** The updates citing a dataset of the radius, in chain order, with their rewards. */
  private static JsonObject updates(Snapshot at, String root, Page page) throws SQLException {
    List<Page.Row> rows = new ArrayList<>();
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                radius(at.engine())
                    + "SELECT u.*, h.cited, w.weight, w.reward FROM hit h"
                    + updateOfHit(at.engine())
                    + REWARD_OF_HIT
                    + " WHERE "
                    + page.afterCondition("u")
                    + " ORDER BY u.block_number, u.log_index LIMIT ?")) {
      int next = page.bind(query, bindRadius(query, root));
      query.setInt(next, page.fetch());
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          rows.add(
              new Page.Row(
                  RowJson.key(row),
                  new JsonObject()
                      .put("modelId", row.getString("model_id"))
                      .put("round", row.getLong("round"))
                      .put("contributor", row.getString("contributor"))
                      .put("updateHash", row.getString("update_hash"))
                      .put("citationsInRadius", row.getLong("cited"))
                      .put("weight", RowJson.uint(at, row, "weight"))
                      .put("reward", RowJson.uint(at, row, "reward"))
                      .put("submitted", RowJson.logRef(row, ""))));
        }
      }
    }
    CitedDatasets.attach(at, rows);
    return page.answer(rows);
  }

  /**
   * Each hit's update row. PostgreSQL estimates far more hits than a radius usually has and would
   * hash-join a sequential scan of every update (121 ms for a 990-hit page of 186k updates); a
   * lateral lookup by the unique key (model, round, contributor) makes it probe the index per hit.
   * SQLite, which has no LATERAL, already plans the probe.
   */
  private static String updateOfHit(Engine engine) {
    return switch (engine) {
      case SQLITE ->
          " JOIN updates u ON u.model_id = h.model_id AND u.round = h.round"
              + " AND u.contributor = h.contributor";
      case POSTGRESQL ->
          " CROSS JOIN LATERAL (SELECT * FROM updates x WHERE x.model_id = h.model_id"
              + " AND x.round = h.round AND x.contributor = h.contributor LIMIT 1) u";
    };
  }

  /** The datasets of the radius in the order they were attested, each with its revocation flag. */
  private static JsonObject datasets(Snapshot at, String root, Page page) throws SQLException {
    List<Page.Row> rows = new ArrayList<>();
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                radius(at.engine())
                    + "SELECT d.*, (SELECT COUNT(*) FROM revocations v"
                    + " WHERE v.dataset_id = d.dataset_id) AS revoked"
                    // the closure carries each dataset's attestation: the page is cut there, and
                    // only its datasets are read
                    + " FROM (SELECT r.id FROM radius r WHERE "
                    + page.afterCondition("r")
                    + " ORDER BY r.block_number, r.log_index LIMIT ?) p"
                    + " JOIN datasets d ON d.dataset_id = p.id"
                    + " ORDER BY d.block_number, d.log_index")) {
      int next = page.bind(query, bindRadius(query, root));
      query.setInt(next, page.fetch());
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          rows.add(
              new Page.Row(
                  RowJson.key(row),
                  new JsonObject()
                      .put("datasetId", row.getString("dataset_id"))
                      .put("owner", row.getString("owner"))
                      .put("revoked", row.getLong("revoked") > 0)
                      .put("attested", RowJson.logRef(row, ""))));
        }
      }
    }
    return page.answer(rows);
  }

  /** The radius's size, at most MAX_DATASETS + 1 (the root included). */
  private static long walked(Snapshot at, String id) throws SQLException {
    try (PreparedStatement query = at.connection().prepareStatement(WALKED)) {
      query.setString(1, id);
      query.setInt(2, MAX_DATASETS + 1);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static boolean revoked(Snapshot at, String id) throws SQLException {
    return exists(at, "SELECT 1 FROM revocations WHERE dataset_id = ?", id);
  }

  private static boolean attested(Snapshot at, String id) throws SQLException {
    return exists(at, "SELECT 1 FROM datasets WHERE dataset_id = ?", id);
  }

  private static boolean exists(Snapshot at, String sql, String id) throws SQLException {
    try (PreparedStatement query = at.connection().prepareStatement(sql)) {
      query.setString(1, id);
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
  }

  /** Update and reward counts and the reward total of a model or of the whole radius. */
  private static final class Totals {
    long rounds;
    long updates;
    long rewards;
    BigInteger total = BigInteger.ZERO;

    void add(long updates, long rewards, BigInteger total) {
      this.updates += updates;
      this.rewards += rewards;
      this.total = this.total.add(total);
    }

    JsonObject json() {
      return new JsonObject()
          .put("updateCount", updates)
          .put("rewardCount", rewards)
          .put("rewardTotal", total.toString());
    }
  }
}
