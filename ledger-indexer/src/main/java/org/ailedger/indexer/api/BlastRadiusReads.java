package org.ailedger.indexer.api;

import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ailedger.indexer.store.RadiusSummaries;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What a dataset reaches: the dataset and its descendants through lineage (the radius), the updates
 * citing any of them, their rounds and models, and the rewards paid to those updates' contributors
 * in those rounds. The radius is at most {@link #MAX_DATASETS} datasets of the lineage closure
 * ({@code lineage_closure}, by ancestor), the nearest generations first and each generation in
 * chain order, so a truncated radius holds the nearest ones. Everything is read from what the
 * writer keeps per ancestor (migration V3_3): the radius's size, its updates in chain order and its
 * totals per round, so an answer costs its page and its rounds, not the radius's citations. The
 * updates or the datasets are paged. Holds no state; safe for the query pool's concurrent workers.
 */
final class BlastRadiusReads {
  /** The most datasets (the root included) one radius covers; beyond, it is truncated. */
  static final int MAX_DATASETS = RadiusSummaries.MAX_DATASETS;

  /** The most rounds and models listed; the totals always count all of them. */
  static final int MAX_ROUNDS = 1000;

  /** What the answer's page lists. */
  enum Listing {
    UPDATES,
    DATASETS
  }

  /** The reward of hit {@code h}, if paid (by index {@code rewards_by_update}). */
  static final String REWARD_OF_HIT =
      " LEFT JOIN rewards w ON w.model_id = h.model_id AND w.round = h.round"
          + " AND w.contributor = h.contributor";

  JsonObject blastRadius(Snapshot at, Bytes32 datasetId, Listing listing, Page page)
      throws SQLException {
    String id = datasetId.toHexString();
    if (!attested(at, id)) {
      throw ModelReads.notFound("dataset " + id);
    }
    JsonObject json = new JsonObject().put("datasetId", id).put("revoked", revoked(at, id));
    Extent extent = extent(at, id);
    Optional<RadiusCut> cut = extent.cut();
    RadiusTotals.put(at, id, extent.datasets(), cut, json);
    JsonObject list =
        switch (listing) {
          case UPDATES -> updates(at, id, cut, page);
          case DATASETS -> datasets(at, id, cut, page);
        };
    json.put("list", listing.name().toLowerCase(Locale.ROOT));
    json.put("items", list.getJsonArray("data"));
    return new JsonObject().put("data", json).put("nextCursor", list.getString("nextCursor"));
  }

  /**
   * The updates citing a dataset of the radius, in chain order, with their rewards: one range of
   * the radius's hits. Beyond a cut, an update counts only its citations of the datasets kept.
   */
  private static JsonObject updates(Snapshot at, String root, Optional<RadiusCut> cut, Page page)
      throws SQLException {
    String cited =
        cut.isEmpty()
            ? "h.cited"
            // a listed hit's nearest citation is kept, so one citation is all kept; more are
            // counted from the update's few citations to the closure's key, never a scan of the
            // radius
            : "CASE WHEN h.cited = 1 THEN 1 ELSE (SELECT COUNT(*) FROM update_datasets d"
                + " WHERE d.model_id = h.model_id AND d.round = h.round"
                + " AND d.contributor = h.contributor AND EXISTS (SELECT 1 FROM lineage_closure c"
                + " WHERE c.descendant_id = d.dataset_id AND c.ancestor_id = h.ancestor_id AND "
                + RadiusCut.keeps("c.depth", "c.block_number", "c.log_index")
                + ")) END";
    List<Page.Row> rows = new ArrayList<>();
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT u.*, "
                    + cited
                    + " AS cited, w.weight, w.reward FROM radius_hits h"
                    + " JOIN updates u ON u.block_number = h.block_number"
                    + " AND u.log_index = h.log_index"
                    + REWARD_OF_HIT
                    + " WHERE h.ancestor_id = ? AND "
                    + page.afterCondition("h")
                    + (cut.isEmpty()
                        ? ""
                        : " AND "
                            // "+": filtered along the range in chain order, not a range by
                            // nearness that would make SQLite sort every hit
                            + RadiusCut.keeps(
                                "+h.nearest_depth", "h.nearest_block", "h.nearest_log"))
                    + " ORDER BY h.block_number, h.log_index LIMIT ?")) {
      int next = 1;
      if (cut.isPresent()) {
        next = cut.get().bind(query, next);
      }
      query.setString(next++, root);
      next = page.bind(query, next);
      if (cut.isPresent()) {
        next = cut.get().bind(query, next);
      }
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
   * The datasets of the radius in the order they were attested, each with its revocation flag: one
   * range of the closure by ancestor in chain order, less what lies beyond a cut.
   */
  private static JsonObject datasets(Snapshot at, String root, Optional<RadiusCut> cut, Page page)
      throws SQLException {
    List<Page.Row> rows = new ArrayList<>();
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT d.*, (SELECT COUNT(*) FROM revocations v"
                    + " WHERE v.dataset_id = d.dataset_id) AS revoked"
                    + " FROM lineage_closure c JOIN datasets d ON d.block_number = c.block_number"
                    + " AND d.log_index = c.log_index"
                    + " WHERE c.ancestor_id = ? AND "
                    + page.afterCondition("c")
                    + (cut.isEmpty()
                        ? ""
                        // "+": the cut filters the range in chain order; as an index range on
                        // the closure by depth it would make SQLite sort the whole radius
                        : " AND " + RadiusCut.keeps("+c.depth", "c.block_number", "c.log_index"))
                    + " ORDER BY c.block_number, c.log_index LIMIT ?")) {
      query.setString(1, root);
      int next = page.bind(query, 2);
      if (cut.isPresent()) {
        next = cut.get().bind(query, next);
      }
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

  /** How many datasets a radius holds, itself included, and where it is cut if wider. */
  private record Extent(long datasets, Optional<RadiusCut> cut) {}

  /** The extent of the radius of {@code id}, as the writer keeps it. */
  private static Extent extent(Snapshot at, String id) throws SQLException {
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT dataset_count, cut_depth, cut_block, cut_log FROM radius_sizes"
                    + " WHERE ancestor_id = ?")) {
      query.setString(1, id);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("attested dataset " + id + " has no radius size");
        }
        Extent extent = new Extent(row.getLong("dataset_count"), RadiusCut.of(row));
        if ((extent.datasets() > MAX_DATASETS) != extent.cut().isPresent()) {
          throw new IllegalStateException(
              "radius of "
                  + id
                  + " holds "
                  + extent.datasets()
                  + " datasets but its cut is "
                  + extent.cut());
        }
        return extent;
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
}
