package org.ailedger.indexer.api;

import io.vertx.core.json.JsonArray;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The datasets each update of a page cites, in citation order, put into the update's item as {@code
 * datasets}: one query per round the page touches, not one per update. A round's updates page
 * touches one round; a blast radius' page the few rounds its hits fall in.
 */
final class CitedDatasets {
  private CitedDatasets() {}

  /** For a page whose items carry their {@code modelId}, {@code round} and {@code contributor}. */
  static void attach(Snapshot at, List<Page.Row> rows) throws SQLException {
    Map<RoundOf, List<Page.Row>> byRound = new LinkedHashMap<>();
    for (Page.Row row : rows) {
      RoundOf key =
          new RoundOf(row.item().getString("modelId"), row.item().getLong("round").longValue());
      byRound.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    for (Map.Entry<RoundOf, List<Page.Row>> entry : byRound.entrySet()) {
      attach(at, entry.getKey().modelId(), entry.getKey().round(), entry.getValue());
    }
  }

  /** For a page of one round's updates, whose items carry their {@code contributor}. */
  static void attach(Snapshot at, String modelId, long round, List<Page.Row> rows)
      throws SQLException {
    Map<String, JsonArray> cited = new HashMap<>();
    if (!rows.isEmpty()) {
      String placeholders = String.join(", ", Collections.nCopies(rows.size(), "?"));
      try (PreparedStatement query =
          at.connection()
              .prepareStatement(
                  "SELECT contributor, dataset_id FROM update_datasets WHERE model_id = ?"
                      + " AND round = ? AND contributor IN ("
                      + placeholders
                      + ") ORDER BY contributor, position")) {
        query.setString(1, modelId);
        query.setLong(2, round);
        int index = 3;
        for (Page.Row row : rows) {
          query.setString(index++, row.item().getString("contributor"));
        }
        try (ResultSet row = query.executeQuery()) {
          while (row.next()) {
            cited.computeIfAbsent(row.getString(1), c -> new JsonArray()).add(row.getString(2));
          }
        }
      }
    }
    for (Page.Row row : rows) {
      row.item()
          .put(
              "datasets", cited.getOrDefault(row.item().getString("contributor"), new JsonArray()));
    }
  }

  private record RoundOf(String modelId, long round) {}
}
