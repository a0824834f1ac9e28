package org.ailedger.indexer.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The datasets each update of a page cites, in citation order, put into the update's item as {@code
 * datasets} (the ids) and {@code citations} (each id with whether it is revoked and whether it is
 * tainted, i.e. revoked or derived from a revoked dataset), with {@code flagged} when any citation
 * is tainted: one query per round the page touches, not one per update, and one walk up the lineage
 * ({@link TaintedDatasets}) for the datasets that round's page cites. A round's updates page
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
    Map<String, List<Citation>> cited = new HashMap<>();
    if (!rows.isEmpty()) {
      String placeholders = String.join(", ", Collections.nCopies(rows.size(), "?"));
      List<Cited> found = new ArrayList<>();
      try (PreparedStatement query =
          at.connection()
              .prepareStatement(
                  "SELECT c.contributor, c.dataset_id, CASE WHEN EXISTS (SELECT 1 FROM revocations v"
                      + " WHERE v.dataset_id = c.dataset_id) THEN 1 ELSE 0 END AS revoked"
                      + " FROM update_datasets c WHERE c.model_id = ? AND c.round = ?"
                      + " AND c.contributor IN ("
                      + placeholders
                      + ") ORDER BY c.contributor, c.position")) {
        query.setString(1, modelId);
        query.setLong(2, round);
        int index = 3;
        for (Page.Row row : rows) {
          query.setString(index++, row.item().getString("contributor"));
        }
        try (ResultSet row = query.executeQuery()) {
          while (row.next()) {
            found.add(
                new Cited(
                    row.getString("contributor"),
                    row.getString("dataset_id"),
                    row.getInt("revoked") == 1));
          }
        }
      }
      Set<String> tainted =
          TaintedDatasets.among(at, found.stream().map(Cited::datasetId).toList());
      for (Cited c : found) {
        cited
            .computeIfAbsent(c.contributor(), k -> new ArrayList<>())
            .add(new Citation(c.datasetId(), c.revoked(), tainted.contains(c.datasetId())));
      }
    }
    for (Page.Row row : rows) {
      List<Citation> citations = cited.getOrDefault(row.item().getString("contributor"), List.of());
      JsonArray ids = new JsonArray();
      JsonArray detail = new JsonArray();
      for (Citation citation : citations) {
        ids.add(citation.datasetId());
        detail.add(citation.json());
      }
      row.item()
          .put("datasets", ids)
          .put("citations", detail)
          .put("flagged", citations.stream().anyMatch(Citation::tainted));
    }
  }

  private record RoundOf(String modelId, long round) {}

  private record Cited(String contributor, String datasetId, boolean revoked) {}

  /** One cited dataset: revoked itself, tainted if it or any ancestor is revoked. */
  private record Citation(String datasetId, boolean revoked, boolean tainted) {
    JsonObject json() {
      return new JsonObject()
          .put("datasetId", datasetId)
          .put("revoked", revoked)
          .put("tainted", tainted);
    }
  }
}
