package org.ailedger.indexer.api;

import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.ailedger.indexer.event.EthAddress;

/**
 * A contributor: membership, totals, current reputation, and the history of their updates, rewards
 * and reputation changes in chain order, one page at a time.
 */
final class ContributorReads {
  /**
   * One kind of the history: its columns as the union names them, over at most one page of its
   * rows. Each kind is cut to the page in its own index order before the union, so a page reads a
   * page of each kind, not every row of the contributor. Parameters: the contributor, the list's
   * clause, the page's fetch size.
   */
  private static String kind(String columns, String table, ListQuery.Clause clause) {
    return "SELECT "
        + columns
        + " FROM (SELECT * FROM "
        + table
        + " WHERE contributor = ? AND "
        + clause.where()
        + " ORDER BY "
        + clause.orderBy()
        + " LIMIT ?) "
        + table;
  }

  JsonObject contributor(Snapshot at, EthAddress address, ListQuery list) throws SQLException {
    String account = address.hex();
    if (!known(at, account)) {
      throw ModelReads.notFound("contributor " + account);
    }
    JsonObject json = new JsonObject().put("address", account);
    json.put("memberId", memberId(at, account));
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT COUNT(*) AS reward_count, "
                    + UintSum.terms(at.engine(), "reward", "total")
                    + " FROM rewards WHERE contributor = ?")) {
      query.setString(1, account);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        json.put("rewardTotal", UintSum.read(at.engine(), row, "total").toString())
            .put("rewardCount", row.getLong("reward_count"));
      }
    }
    json.put("updateCount", count(at, "updates", account));
    json.put("reputation", reputation(at, account));
    JsonObject history = history(at, account, list);
    return new JsonObject()
        .put("data", json.put("history", history.getJsonArray("data")))
        .put("nextCursor", history.getString("nextCursor"));
  }

  private static JsonObject history(Snapshot at, String account, ListQuery list)
      throws SQLException {
    Page page = list.page();
    ListQuery.Clause clause = list.clause(at, "");
    // one union so that a single keyset cursor pages through all three kinds in chain order
    String sql =
        kind(
                "'update' AS kind, block_number, log_index, tx_hash, model_id, round,"
                    + " update_hash, NULL AS amount, NULL AS weight",
                "updates",
                clause)
            + " UNION ALL "
            + kind(
                "'reward', block_number, log_index, tx_hash, model_id, round, NULL, reward,"
                    + " weight",
                "rewards",
                clause)
            + " UNION ALL "
            + kind(
                "'reputation', block_number, log_index, tx_hash, NULL, NULL, NULL, delta,"
                    + " reputation",
                "reputation_changes",
                clause)
            + " ORDER BY "
            + clause.orderBy()
            + " LIMIT ?";
    try (PreparedStatement query = at.connection().prepareStatement(sql)) {
      int next = 1;
      for (int kind = 0; kind < 3; kind++) {
        query.setString(next++, account);
        next = clause.bind(query, next);
        query.setInt(next++, page.fetch());
      }
      query.setInt(next, page.fetch());
      List<Page.Row> rows = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          String kind = row.getString("kind");
          JsonObject item = new JsonObject().put("kind", kind).put("at", RowJson.logRef(row, ""));
          switch (kind) {
            case "update" ->
                item.put("modelId", row.getString("model_id"))
                    .put("round", row.getLong("round"))
                    .put("updateHash", row.getString("update_hash"));
            case "reward" ->
                item.put("modelId", row.getString("model_id"))
                    .put("round", row.getLong("round"))
                    .put("reward", RowJson.uint(at, row, "amount"))
                    .put("weight", RowJson.uint(at, row, "weight"));
            default ->
                item.put("delta", signed(at, row, "amount"))
                    .put("reputation", signed(at, row, "weight"));
          }
          rows.add(new Page.Row(RowJson.key(row), item));
        }
      }
      return page.answer(rows);
    }
  }

  /** Reputation may be negative; it is stored as a signed decimal in the uint column. */
  private static String signed(Snapshot at, ResultSet row, String column) throws SQLException {
    return RowJson.uint(at, row, column);
  }

  private static String memberId(Snapshot at, String account) throws SQLException {
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT member_id, action FROM members WHERE account = ?"
                    + " ORDER BY block_number DESC, log_index DESC LIMIT 1")) {
      query.setString(1, account);
      try (ResultSet row = query.executeQuery()) {
        return row.next() && row.getString(2).equals("added") ? row.getString(1) : null;
      }
    }
  }

  private static long count(Snapshot at, String table, String account) throws SQLException {
    try (PreparedStatement query =
        at.connection()
            .prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE contributor = ?")) {
      query.setString(1, account);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static String reputation(Snapshot at, String account) throws SQLException {
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT reputation FROM reputation_changes WHERE contributor = ?"
                    + " ORDER BY block_number DESC, log_index DESC LIMIT 1")) {
      query.setString(1, account);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? RowJson.uint(at, row, "reputation") : "0";
      }
    }
  }

  /** Whether the chain has ever named the account as member, role holder or contributor. */
  static boolean known(Snapshot at, String account) throws SQLException {
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT 1 FROM members WHERE account = ? UNION ALL"
                    + " SELECT 1 FROM roles WHERE account = ? UNION ALL"
                    + " SELECT 1 FROM updates WHERE contributor = ? UNION ALL"
                    + " SELECT 1 FROM reputation_changes WHERE contributor = ? LIMIT 1")) {
      for (int i = 1; i <= 4; i++) {
        query.setString(i, account);
      }
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
  }
}
