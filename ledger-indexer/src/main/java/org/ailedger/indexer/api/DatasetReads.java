package org.ailedger.indexer.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Datasets, their endorsements and revocation, and their lineage one step up and down; each with
 * whether it is tainted (revoked or derived from a revoked dataset, {@link TaintedDatasets}).
 */
final class DatasetReads {
  /** The most parents or children one lineage answer lists; the count is always exact. */
  static final int MAX_LINEAGE_EDGES = 1000;

  JsonObject dataset(Snapshot at, Bytes32 datasetId) throws SQLException {
    String id = datasetId.toHexString();
    JsonObject json;
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT d.*, (SELECT COUNT(*) FROM update_datasets c WHERE c.dataset_id ="
                    + " d.dataset_id) AS citation_count FROM datasets d WHERE d.dataset_id = ?")) {
      query.setString(1, id);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw ModelReads.notFound("dataset " + id);
        }
        json =
            new JsonObject()
                .put("datasetId", id)
                .put("owner", row.getString("owner"))
                .put("contentHash", row.getString("content_hash"))
                .put("uri", row.getString("uri"))
                .put("license", row.getString("license"))
                .put("relayer", row.getString("relayer"))
                .put("relayNonce", RowJson.uint(at, row, "relay_nonce"))
                .put("citationCount", row.getLong("citation_count"))
                .put("attested", RowJson.logRef(row, ""));
      }
    }
    json.put("endorsements", endorsements(at, id));
    JsonObject revocation = revocation(at, id);
    json.put("revocation", revocation);
    json.put("tainted", revocation != null || !TaintedDatasets.among(at, List.of(id)).isEmpty());
    return new JsonObject().put("data", json);
  }

  JsonObject lineage(Snapshot at, Bytes32 datasetId) throws SQLException {
    String id = datasetId.toHexString();
    // a lineage of an unknown dataset is a 404 like the dataset itself
    dataset(at, datasetId);
    JsonArray parents = edges(at, "parent_id", "dataset_id", id);
    JsonArray children = edges(at, "dataset_id", "parent_id", id);
    // one walk up for the dataset and every dataset it links to
    List<String> ids = new ArrayList<>();
    ids.add(id);
    for (JsonArray linked : List.of(parents, children)) {
      linked.forEach(edge -> ids.add(((JsonObject) edge).getString("datasetId")));
    }
    Set<String> tainted = TaintedDatasets.among(at, ids);
    for (JsonArray linked : List.of(parents, children)) {
      linked.forEach(
          edge -> {
            JsonObject e = (JsonObject) edge;
            e.put("tainted", tainted.contains(e.getString("datasetId")));
          });
    }
    JsonObject json =
        new JsonObject()
            .put("datasetId", id)
            .put("tainted", tainted.contains(id))
            .put("parents", parents)
            .put("children", children);
    return new JsonObject().put("data", json);
  }

  /**
   * The datasets in column {@code other} of lineage edges whose column {@code self} is {@code id}.
   */
  private JsonArray edges(Snapshot at, String other, String self, String id) throws SQLException {
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT l."
                    + other
                    + " AS related, l.block_number, l.log_index, l.tx_hash,"
                    + " (SELECT COUNT(*) FROM revocations r WHERE r.dataset_id = l."
                    + other
                    + ") AS revoked FROM lineage l WHERE l."
                    + self
                    + " = ? ORDER BY l.block_number, l.log_index, l.position LIMIT ?")) {
      query.setString(1, id);
      query.setInt(2, MAX_LINEAGE_EDGES);
      JsonArray edges = new JsonArray();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          edges.add(
              new JsonObject()
                  .put("datasetId", row.getString("related"))
                  .put("revoked", row.getLong("revoked") > 0)
                  .put("linked", RowJson.logRef(row, "")));
        }
      }
      return edges;
    }
  }

  private JsonArray endorsements(Snapshot at, String id) throws SQLException {
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT * FROM endorsements WHERE dataset_id = ? ORDER BY block_number, log_index")) {
      query.setString(1, id);
      JsonArray endorsements = new JsonArray();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          endorsements.add(
              new JsonObject()
                  .put("auditor", row.getString("auditor"))
                  .put("endorsed", RowJson.logRef(row, "")));
        }
      }
      return endorsements;
    }
  }

  private JsonObject revocation(Snapshot at, String id) throws SQLException {
    try (PreparedStatement query =
        at.connection().prepareStatement("SELECT * FROM revocations WHERE dataset_id = ?")) {
      query.setString(1, id);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return null;
        }
        return new JsonObject()
            .put("revokedBy", row.getString("revoked_by"))
            .put("reasonHash", row.getString("reason_hash"))
            .put("revoked", RowJson.logRef(row, ""));
      }
    }
  }
}
