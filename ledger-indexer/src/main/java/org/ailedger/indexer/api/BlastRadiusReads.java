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
 * in those rounds. One recursive query walks the lineage down on both engines, at most {@link
 * #MAX_DATASETS} datasets; the updates or the datasets are paged.
 *
 * <p>A request walks the lineage at most once: the walk's ids are read into memory and the summary
 * and the page are computed over them (passed back as one JSON array parameter). Walks are also
 * kept in a small cache keyed by the root and the newest lineage row of the snapshot: lineage is
 * append-only, so the same root over the same lineage always walks the same ids in the same order.
 * Safe for the query pool's concurrent workers.
 */
final class BlastRadiusReads {
  /** The most datasets (the root included) one radius covers; beyond, it is truncated. */
  static final int MAX_DATASETS = 10_000;

  /** The most rounds and models listed; the totals always count all of them. */
  static final int MAX_ROUNDS = 1000;

  /** The most walks cached; each holds at most MAX_DATASETS + 1 ids (about 1 MB). */
  static final int MAX_CACHED_WALKS = 16;

  /** What the answer's page lists. */
  enum Listing {
    UPDATES,
    DATASETS
  }

  /**
   * The walk down the lineage, breadth first (so a truncated radius holds the nearest generations),
   * cut at MAX_DATASETS + 1 to learn whether it is longer. Parameters: the root id, the limit.
   */
  private static final String WALK =
      "WITH RECURSIVE descendants(id) AS (SELECT CAST(? AS TEXT)"
          + " UNION SELECT l.dataset_id FROM lineage l JOIN descendants d ON l.parent_id = d.id)"
          + " SELECT id FROM descendants LIMIT ?";

  private static final String REWARD_OF_HIT =
      " LEFT JOIN rewards w ON w.model_id = h.model_id AND w.round = h.round"
          + " AND w.contributor = h.contributor";

  /** A walk's identity: lineage only grows, so its newest row names its whole content. */
  private record WalkKey(String root, long lineageBlock, int lineageLog, int lineagePosition) {}

  private final Map<WalkKey, List<String>> walks =
      new LinkedHashMap<>(MAX_CACHED_WALKS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<WalkKey, List<String>> eldest) {
          return size() > MAX_CACHED_WALKS;
        }
      };

  /**
   * The radius as SQL over the walked ids (parameter: a JSON array of them), with the updates that
   * cite a dataset of it.
   */
  private static String radius(Engine engine) {
    String ids =
        switch (engine) {
          case SQLITE -> "SELECT value AS id FROM json_each(?)";
          case POSTGRESQL -> "SELECT value AS id FROM json_array_elements_text(CAST(? AS json))";
        };
    // PostgreSQL plans a join with the function at its default 100 rows, and with one dataset
    // cited by most updates it then scans all of update_datasets; an id array lets it use the
    // index (measured 72 -> 24 ms for 10 000 ids). SQLite's plan already probes the index per id.
    String cited =
        switch (engine) {
          case SQLITE -> " FROM update_datasets c JOIN radius r ON c.dataset_id = r.id";
          case POSTGRESQL ->
              " FROM update_datasets c WHERE c.dataset_id = ANY(ARRAY(SELECT id FROM radius))";
        };
    return "WITH radius AS ("
        + ids
        + "), hit AS (SELECT c.model_id, c.round, c.contributor, COUNT(*) AS cited"
        + cited
        + " GROUP BY c.model_id, c.round, c.contributor) ";
  }

  JsonObject blastRadius(Snapshot at, Bytes32 datasetId, Listing listing, Page page)
      throws SQLException {
    String id = datasetId.toHexString();
    if (!attested(at, id)) {
      throw ModelReads.notFound("dataset " + id);
    }
    JsonObject json = new JsonObject().put("datasetId", id).put("revoked", revoked(at, id));
    List<String> walked = walk(at, id);
    String radius =
        new JsonArray(walked.subList(0, Math.min(walked.size(), MAX_DATASETS))).encode();
    summary(at, walked.size(), radius, json);
    JsonObject list =
        switch (listing) {
          case UPDATES -> updates(at, radius, page);
          case DATASETS -> datasets(at, radius, page);
        };
    json.put("list", listing.name().toLowerCase(Locale.ROOT));
    json.put("items", list.getJsonArray("data"));
    return new JsonObject().put("data", json).put("nextCursor", list.getString("nextCursor"));
  }

  /** Counts, totals, rounds and models of the radius. */
  private static void summary(Snapshot at, long walked, String radius, JsonObject json)
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
      query.setString(1, radius);
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
  private static JsonObject updates(Snapshot at, String radius, Page page) throws SQLException {
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
      query.setString(1, radius);
      int next = page.bind(query, 2);
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
  private static JsonObject datasets(Snapshot at, String radius, Page page) throws SQLException {
    List<Page.Row> rows = new ArrayList<>();
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                radius(at.engine())
                    + "SELECT d.*, (SELECT COUNT(*) FROM revocations v"
                    + " WHERE v.dataset_id = d.dataset_id) AS revoked"
                    + " FROM radius r JOIN datasets d ON d.dataset_id = r.id WHERE "
                    + page.afterCondition("d")
                    + " ORDER BY d.block_number, d.log_index LIMIT ?")) {
      query.setString(1, radius);
      int next = page.bind(query, 2);
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

  /**
   * The ids of the walk from {@code id}, in walk order, at most MAX_DATASETS + 1: from the cache if
   * the snapshot's lineage is the one they were walked over.
   */
  private List<String> walk(Snapshot at, String id) throws SQLException {
    WalkKey key = walkKey(at, id);
    synchronized (walks) {
      List<String> cached = walks.get(key);
      if (cached != null) {
        return cached;
      }
    }
    List<String> ids = new ArrayList<>();
    try (PreparedStatement query = at.connection().prepareStatement(WALK)) {
      query.setString(1, id);
      query.setInt(2, MAX_DATASETS + 1);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          ids.add(row.getString(1));
        }
      }
    }
    List<String> walked = List.copyOf(ids);
    synchronized (walks) {
      walks.put(key, walked);
    }
    return walked;
  }

  private static WalkKey walkKey(Snapshot at, String id) throws SQLException {
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT block_number, log_index, position FROM lineage"
                    + " ORDER BY block_number DESC, log_index DESC, position DESC LIMIT 1")) {
      try (ResultSet row = query.executeQuery()) {
        return row.next()
            ? new WalkKey(id, row.getLong(1), row.getInt(2), row.getInt(3))
            : new WalkKey(id, -1, -1, -1);
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
