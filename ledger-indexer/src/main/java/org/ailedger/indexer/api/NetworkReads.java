package org.ailedger.indexer.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The network as of the snapshot: the chain, the current validators, node allowlist, members and
 * role holders (each replayed from its history table), and the governed parameters.
 */
final class NetworkReads {
  JsonObject network(Snapshot at) throws SQLException {
    JsonObject json = new JsonObject();
    try (PreparedStatement query =
            at.connection().prepareStatement("SELECT chain_id, genesis_hash FROM chain");
        ResultSet row = query.executeQuery()) {
      // the cursor exists, so the chain row committed with it does too
      row.next();
      json.put("chainId", row.getLong(1)).put("genesisHash", row.getString(2));
    }
    json.put("validators", new JsonArray(current(at, "validators", "validator").stream().toList()));
    json.put("nodes", new JsonArray(current(at, "nodes", "node").stream().toList()));
    json.put("members", members(at));
    json.put("roles", roles(at));
    json.put("parameters", parameters(at));
    return new JsonObject().put("data", json);
  }

  /** The keys whose last action in {@code table} is {@code added}. */
  private static Set<String> current(Snapshot at, String table, String column) throws SQLException {
    Set<String> current = new LinkedHashSet<>();
    try (PreparedStatement query =
            at.connection()
                .prepareStatement(
                    "SELECT "
                        + column
                        + ", action FROM "
                        + table
                        + " ORDER BY block_number, log_index");
        ResultSet row = query.executeQuery()) {
      while (row.next()) {
        if (row.getString(2).equals("added")) {
          current.add(row.getString(1));
        } else {
          current.remove(row.getString(1));
        }
      }
    }
    return current;
  }

  private static JsonArray members(Snapshot at) throws SQLException {
    Map<String, String> memberOf = new LinkedHashMap<>();
    try (PreparedStatement query =
            at.connection()
                .prepareStatement(
                    "SELECT account, member_id, action FROM members"
                        + " ORDER BY block_number, log_index");
        ResultSet row = query.executeQuery()) {
      while (row.next()) {
        if (row.getString(3).equals("added")) {
          memberOf.put(row.getString(1), row.getString(2));
        } else {
          memberOf.remove(row.getString(1));
        }
      }
    }
    Map<String, JsonArray> accounts = new TreeMap<>();
    memberOf.forEach(
        (account, member) -> accounts.computeIfAbsent(member, m -> new JsonArray()).add(account));
    JsonArray members = new JsonArray();
    accounts.forEach(
        (member, list) ->
            members.add(new JsonObject().put("memberId", member).put("accounts", list)));
    return members;
  }

  private static JsonArray roles(Snapshot at) throws SQLException {
    Map<String, Set<String>> holders = new TreeMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    try (PreparedStatement query =
            at.connection()
                .prepareStatement(
                    "SELECT role, role_name, account, action FROM roles"
                        + " ORDER BY block_number, log_index");
        ResultSet row = query.executeQuery()) {
      while (row.next()) {
        String role = row.getString(1);
        names.putIfAbsent(role, row.getString(2));
        Set<String> accounts = holders.computeIfAbsent(role, r -> new LinkedHashSet<>());
        if (row.getString(4).equals("granted")) {
          accounts.add(row.getString(3));
        } else {
          accounts.remove(row.getString(3));
        }
      }
    }
    JsonArray roles = new JsonArray();
    holders.forEach(
        (role, accounts) ->
            roles.add(
                new JsonObject()
                    .put("role", role)
                    .put("name", names.get(role))
                    .put("accounts", new JsonArray(accounts.stream().toList()))));
    return roles;
  }

  private static JsonObject parameters(Snapshot at) throws SQLException {
    Map<String, String> values = new TreeMap<>();
    try (PreparedStatement query =
            at.connection()
                .prepareStatement(
                    "SELECT name, value FROM parameters ORDER BY block_number, log_index");
        ResultSet row = query.executeQuery()) {
      while (row.next()) {
        values.put(row.getString("name"), RowJson.uint(at, row, "value"));
      }
    }
    JsonObject json = new JsonObject();
    values.forEach(json::put);
    return json;
  }
}
