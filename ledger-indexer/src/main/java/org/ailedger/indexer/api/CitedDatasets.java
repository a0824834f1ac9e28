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

/**
 * The datasets each update of a page cites, in citation order, put into the update's item as {@code
 * datasets} (the ids) and {@code citations} (each id with whether it is revoked and whether it is
 * tainted, i.e. revoked or derived from a revoked dataset), with {@code flagged} when any citation
 * is tainted: one query per round the page touches, not one per update. A round's updates page
 * touches one round; a blast radius' page the few rounds its hits fall in.
 *
 * <p>Taint is worked out by the store on both engines: one recursive walk up the lineage from the
 * distinct datasets the page cites. The walk is not bounded: lineage is a DAG the contract only
 * lets grow from existing datasets, each cited dataset's ancestry is finite, and a cut walk would
 * call a tainted dataset clean.
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
      try (PreparedStatement query =
          at.connection()
              .prepareStatement(
                  "WITH RECURSIVE cited AS (SELECT contributor, position, dataset_id"
                      + " FROM update_datasets WHERE model_id = ? AND round = ? AND contributor IN ("
                      + placeholders
                      + ")), ancestry(cited_id, id) AS (SELECT DISTINCT dataset_id, dataset_id"
                      + " FROM cited UNION SELECT a.cited_id, l.parent_id FROM lineage l"
                      + " JOIN ancestry a ON l.dataset_id = a.id)"
                      + " SELECT c.contributor, c.dataset_id,"
                      + " CASE WHEN EXISTS (SELECT 1 FROM revocations v"
                      + " WHERE v.dataset_id = c.dataset_id) THEN 1 ELSE 0 END AS revoked,"
                      + " CASE WHEN EXISTS (SELECT 1 FROM ancestry a JOIN revocations v"
                      + " ON v.dataset_id = a.id WHERE a.cited_id = c.dataset_id)"
                      + " THEN 1 ELSE 0 END AS tainted"
                      + " FROM cited c ORDER BY c.contributor, c.position")) {
        query.setString(1, modelId);
        query.setLong(2, round);
        int index = 3;
        for (Page.Row row : rows) {
          query.setString(index++, row.item().getString("contributor"));
        }
        try (ResultSet row = query.executeQuery()) {
          while (row.next()) {
            cited
                .computeIfAbsent(row.getString("contributor"), c -> new ArrayList<>())
                .add(
                    new Citation(
                        row.getString("dataset_id"),
                        row.getInt("revoked") == 1,
                        row.getInt("tainted") == 1));
          }
        }
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
