package org.ailedger.indexer.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Members (organisations) with their current accounts and each account's roles, and one member's
 * history of accounts added and removed.
 */
final class MemberReads {
  /** The most accounts listed per member, and the most history rows of one member. */
  static final int MAX_ACCOUNTS = 1000;

  /** The first row of each member: when it joined. */
  private static final String JOINED =
      "SELECT f.member_id, f.block_number, f.log_index, f.tx_hash FROM members f"
          + " WHERE NOT EXISTS (SELECT 1 FROM members e WHERE e.member_id = f.member_id AND "
          + Current.later("f", "e")
          + ")";

  /** Current members in the order they joined, each with its accounts and their roles. */
  JsonObject members(Snapshot at, Page page) throws SQLException {
    List<Page.Row> rows = new ArrayList<>();
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT * FROM ("
                    + JOINED
                    + ") j WHERE EXISTS (SELECT 1 FROM ("
                    + Current.ACCOUNTS
                    + ") c WHERE c.member_id = j.member_id) AND "
                    + page.afterCondition("j")
                    + " ORDER BY j.block_number, j.log_index LIMIT ?")) {
      int next = page.bind(query, 1);
      query.setInt(next, page.fetch());
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          rows.add(
              new Page.Row(
                  RowJson.key(row),
                  new JsonObject()
                      .put("memberId", row.getString("member_id"))
                      .put("joined", RowJson.logRef(row, ""))));
        }
      }
    }
    for (Page.Row row : rows) {
      withAccounts(at, row.item());
    }
    return page.answer(rows);
  }

  /** A member ever named on chain: current accounts and roles, and its account history. */
  JsonObject member(Snapshot at, Bytes32 memberId) throws SQLException {
    String id = memberId.toHexString();
    JsonObject json;
    try (PreparedStatement query =
        at.connection().prepareStatement(JOINED + " AND f.member_id = ?")) {
      query.setString(1, id);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw ModelReads.notFound("member " + id);
        }
        json = new JsonObject().put("memberId", id).put("joined", RowJson.logRef(row, ""));
      }
    }
    withAccounts(at, json);
    json.put("active", !json.getJsonArray("accounts").isEmpty());
    JsonArray history = new JsonArray();
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT * FROM members WHERE member_id = ?"
                    + " ORDER BY block_number, log_index LIMIT ?")) {
      query.setString(1, id);
      query.setInt(2, MAX_ACCOUNTS + 1);
      try (ResultSet row = query.executeQuery()) {
        while (row.next() && history.size() < MAX_ACCOUNTS) {
          history.add(
              new JsonObject()
                  .put("action", row.getString("action"))
                  .put("account", row.getString("account"))
                  .put("at", RowJson.logRef(row, "")));
        }
      }
    }
    json.put("history", history);
    json.put("historyTruncated", history.size() == MAX_ACCOUNTS && historyLonger(at, id));
    return new JsonObject().put("data", json);
  }

  private static boolean historyLonger(Snapshot at, String id) throws SQLException {
    try (PreparedStatement query =
        at.connection().prepareStatement("SELECT COUNT(*) FROM members WHERE member_id = ?")) {
      query.setString(1, id);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1) > MAX_ACCOUNTS;
      }
    }
  }

  /** Puts the member's current accounts, each with its current roles, in the order added. */
  private static void withAccounts(Snapshot at, JsonObject member) throws SQLException {
    JsonArray accounts = new JsonArray();
    boolean truncated = false;
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT * FROM ("
                    + Current.ACCOUNTS
                    + ") c WHERE c.member_id = ? ORDER BY c.block_number, c.log_index LIMIT ?")) {
      query.setString(1, member.getString("memberId"));
      query.setInt(2, MAX_ACCOUNTS + 1);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          if (accounts.size() == MAX_ACCOUNTS) {
            truncated = true;
          } else {
            accounts.add(
                new JsonObject()
                    .put("account", row.getString("account"))
                    .put("added", RowJson.logRef(row, "")));
          }
        }
      }
    }
    for (int i = 0; i < accounts.size(); i++) {
      JsonObject account = accounts.getJsonObject(i);
      account.put("roles", roles(at, account.getString("account")));
    }
    member.put("accounts", accounts).put("accountsTruncated", truncated);
  }

  /** An account's current roles, by name (the role id when the name is not one of the four). */
  private static JsonArray roles(Snapshot at, String account) throws SQLException {
    JsonArray roles = new JsonArray();
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT role, role_name FROM ("
                    + Current.ROLES
                    + ") c WHERE c.account = ?"
                    + " ORDER BY c.block_number, c.log_index")) {
      query.setString(1, account);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          String name = row.getString("role_name");
          roles.add(name != null ? name : row.getString("role"));
        }
      }
    }
    return roles;
  }
}
