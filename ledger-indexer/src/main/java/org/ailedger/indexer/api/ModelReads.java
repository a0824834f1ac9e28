package org.ailedger.indexer.api;

import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/** Models, their rounds and the updates submitted to them, as the API shows them. */
final class ModelReads {
  private static final String MODEL_COLUMNS =
      "m.block_number, m.log_index, m.tx_hash, m.model_id, m.owner, m.aggregator, m.metadata_uri,"
          + " (SELECT COUNT(*) FROM rounds r WHERE r.model_id = m.model_id) AS round_count,"
          + " (SELECT MAX(r.round) FROM rounds r WHERE r.model_id = m.model_id) AS latest_round";

  JsonObject models(Snapshot at, Page page) throws SQLException {
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT "
                    + MODEL_COLUMNS
                    + " FROM models m WHERE "
                    + page.afterCondition("m")
                    + " ORDER BY m.block_number, m.log_index LIMIT ?")) {
      int next = page.bind(query, 1);
      query.setInt(next, page.fetch());
      List<Page.Row> rows = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          rows.add(new Page.Row(RowJson.key(row), model(row)));
        }
      }
      return page.answer(rows);
    }
  }

  JsonObject model(Snapshot at, Bytes32 modelId) throws SQLException {
    try (PreparedStatement query =
        at.connection()
            .prepareStatement("SELECT " + MODEL_COLUMNS + " FROM models m WHERE m.model_id = ?")) {
      query.setString(1, modelId.toHexString());
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw notFound("model " + modelId.toHexString());
        }
        return new JsonObject().put("data", model(row));
      }
    }
  }

  JsonObject round(Snapshot at, Bytes32 modelId, long round) throws SQLException {
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT r.*, (SELECT COUNT(*) FROM updates u WHERE u.model_id = r.model_id"
                    + " AND u.round = r.round) AS update_count"
                    + " FROM rounds r WHERE r.model_id = ? AND r.round = ?")) {
      query.setString(1, modelId.toHexString());
      query.setLong(2, round);
      JsonObject json;
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw notFound("round " + round + " of model " + modelId.toHexString());
        }
        json =
            new JsonObject()
                .put("modelId", row.getString("model_id"))
                .put("round", row.getLong("round"))
                .put("status", row.getString("status"))
                .put("baseModelHash", row.getString("base_model_hash"))
                .put("rewardPool", RowJson.uint(at, row, "reward_pool"))
                .put("deadlineBlock", RowJson.uint(at, row, "deadline_block"))
                .put("aggregateHash", row.getString("aggregate_hash"))
                .put("acceptedCount", RowJson.uint(at, row, "accepted_count"))
                .put("updateCount", row.getLong("update_count"))
                .put("opened", RowJson.logRef(row, ""))
                .put("finalized", RowJson.logRef(row, "finalized_"));
      }
      json.put("rewardsPaid", rewardsPaid(at, modelId, round).toString());
      return new JsonObject().put("data", json);
    }
  }

  JsonObject updates(Snapshot at, Bytes32 modelId, long round, ListQuery list) throws SQLException {
    // a round that does not exist is a 404, not an empty list (only its existence: the round's
    // own answer sums every reward of it)
    try (PreparedStatement query =
        at.connection().prepareStatement("SELECT 1 FROM rounds WHERE model_id = ? AND round = ?")) {
      query.setString(1, modelId.toHexString());
      query.setLong(2, round);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw notFound("round " + round + " of model " + modelId.toHexString());
        }
      }
    }
    Page page = list.page();
    ListQuery.Clause clause = list.clause(at, "u");
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT u.*, w.weight, w.reward FROM updates u LEFT JOIN rewards w"
                    + " ON w.model_id = u.model_id AND w.round = u.round"
                    + " AND w.contributor = u.contributor"
                    + " WHERE u.model_id = ? AND u.round = ? AND "
                    + clause.where()
                    + " ORDER BY "
                    + clause.orderBy()
                    + " LIMIT ?")) {
      query.setString(1, modelId.toHexString());
      query.setLong(2, round);
      int next = clause.bind(query, 3);
      query.setInt(next, page.fetch());
      List<Page.Row> rows = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          rows.add(
              new Page.Row(
                  RowJson.key(row),
                  new JsonObject()
                      .put("contributor", row.getString("contributor"))
                      .put("updateHash", row.getString("update_hash"))
                      .put("sampleCount", RowJson.uint(at, row, "sample_count"))
                      .put("metricsHash", row.getString("metrics_hash"))
                      .put("weight", RowJson.uint(at, row, "weight"))
                      .put("reward", RowJson.uint(at, row, "reward"))
                      .put("submitted", RowJson.logRef(row, ""))));
        }
      }
      CitedDatasets.attach(at, modelId.toHexString(), round, rows);
      return page.answer(rows);
    }
  }

  private BigInteger rewardsPaid(Snapshot at, Bytes32 modelId, long round) throws SQLException {
    // summed by the store (exact on both engines): reading the round's every reward row into Java
    // cost more than the rest of the answer
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT "
                    + UintSum.terms(at.engine(), "reward", "paid")
                    + " FROM rewards WHERE model_id = ? AND round = ?")) {
      query.setString(1, modelId.toHexString());
      query.setLong(2, round);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return UintSum.read(at.engine(), row, "paid");
      }
    }
  }

  private static JsonObject model(ResultSet row) throws SQLException {
    long latest = row.getLong("latest_round");
    boolean anyRound = !row.wasNull();
    return new JsonObject()
        .put("modelId", row.getString("model_id"))
        .put("owner", row.getString("owner"))
        .put("aggregator", row.getString("aggregator"))
        .put("metadataUri", row.getString("metadata_uri"))
        .put("roundCount", row.getLong("round_count"))
        .put("latestRound", anyRound ? latest : null)
        .put("registered", RowJson.logRef(row, ""));
  }

  static ProblemException notFound(String what) {
    return new ProblemException(Problem.notFound(what + " is not on the indexed chain"));
  }
}
