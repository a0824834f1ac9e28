package org.ailedger.indexer.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The network as of the snapshot: the chain, the current validators, node allowlist, members and
 * role holders (each the latest state of its history table), and the governed parameters. Each list
 * holds at most {@link #MAX_ITEMS} entries, with {@code truncated} set when one was cut; {@code
 * /v1/members} and {@code /v1/validators} page through all of them. With them the JSON-RPC URL the
 * operator publishes for wallets, which the page offers when a wallet does not know the chain.
 */
final class NetworkReads {
  /** The most validators, nodes, member accounts or role holders (per role) one answer lists. */
  static final int MAX_ITEMS = 1000;

  private final Optional<URI> publicRpcUrl;

  NetworkReads(Optional<URI> publicRpcUrl) {
    this.publicRpcUrl = publicRpcUrl;
  }

  JsonObject network(Snapshot at) throws SQLException {
    JsonObject json = new JsonObject();
    try (PreparedStatement query =
            at.connection().prepareStatement("SELECT chain_id, genesis_hash FROM chain");
        ResultSet row = query.executeQuery()) {
      // the cursor exists, so the chain row committed with it does too
      row.next();
      json.put("chainId", row.getLong(1)).put("genesisHash", row.getString(2));
    }
    json.put("publicRpcUrl", publicRpcUrl.map(URI::toString).orElse(null));
    Bounded validators = addresses(at, Current.VALIDATORS, "validator");
    Bounded nodes = addresses(at, Current.NODES, "node");
    Bounded members = members(at);
    Bounded roles = roles(at);
    json.put("validators", validators.items());
    json.put("nodes", nodes.items());
    json.put("members", members.items());
    json.put("roles", roles.items());
    json.put("parameters", parameters(at));
    json.put(
        "truncated",
        validators.truncated() || nodes.truncated() || members.truncated() || roles.truncated());
    return new JsonObject().put("data", json);
  }

  /** A list cut at {@link #MAX_ITEMS}, and whether anything was cut. */
  private record Bounded(JsonArray items, boolean truncated) {}

  /** The {@code column} of the current rows {@code sql} selects, in the order they were added. */
  private static Bounded addresses(Snapshot at, String sql, String column) throws SQLException {
    JsonArray addresses = new JsonArray();
    boolean truncated = false;
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT "
                    + column
                    + " FROM ("
                    + sql
                    + ") c"
                    + " ORDER BY block_number, log_index LIMIT ?")) {
      query.setInt(1, MAX_ITEMS + 1);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          if (addresses.size() == MAX_ITEMS) {
            truncated = true;
          } else {
            addresses.add(row.getString(1));
          }
        }
      }
    }
    return new Bounded(addresses, truncated);
  }

  /** Members (by id) with their current accounts in the order they were added. */
  private static Bounded members(Snapshot at) throws SQLException {
    Map<String, JsonArray> accounts = new TreeMap<>();
    boolean truncated = false;
    int listed = 0;
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT account, member_id FROM ("
                    + Current.ACCOUNTS
                    + ") c ORDER BY block_number, log_index LIMIT ?")) {
      query.setInt(1, MAX_ITEMS + 1);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          if (listed++ == MAX_ITEMS) {
            truncated = true;
          } else {
            accounts.computeIfAbsent(row.getString(2), m -> new JsonArray()).add(row.getString(1));
          }
        }
      }
    }
    JsonArray members = new JsonArray();
    accounts.forEach(
        (member, list) ->
            members.add(new JsonObject().put("memberId", member).put("accounts", list)));
    return new Bounded(members, truncated);
  }

  /** Roles (by id) with their current holders in the order they were granted. */
  private static Bounded roles(Snapshot at) throws SQLException {
    Map<String, JsonArray> holders = new TreeMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    boolean truncated = false;
    try (PreparedStatement query =
            at.connection()
                .prepareStatement(
                    "SELECT role, role_name, account FROM ("
                        + Current.ROLES
                        + ") c ORDER BY role, block_number, log_index");
        ResultSet row = query.executeQuery()) {
      while (row.next()) {
        String role = row.getString(1);
        names.putIfAbsent(role, row.getString(2));
        JsonArray accounts = holders.computeIfAbsent(role, r -> new JsonArray());
        if (accounts.size() == MAX_ITEMS) {
          truncated = true;
        } else {
          accounts.add(row.getString(3));
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
                    .put("accounts", accounts)));
    return new Bounded(roles, truncated);
  }

  /** Each governed parameter's latest value. */
  private static JsonObject parameters(Snapshot at) throws SQLException {
    Map<String, String> values = new TreeMap<>();
    try (PreparedStatement query =
            at.connection()
                .prepareStatement(
                    "SELECT p.name, p.value FROM parameters p WHERE NOT EXISTS"
                        + " (SELECT 1 FROM parameters l WHERE l.name = p.name AND "
                        + Current.later("l", "p")
                        + ")");
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
