package org.ailedger.indexer.api;

import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validators with when each was added and removed, and the history of every permission change
 * (accounts, roles, nodes, validators), each linked to the proposal whose execution made it.
 */
final class PermissionReads {
  /**
   * A kind of permission change and the history table it is kept in. Genesis rows of different
   * tables share block 0 and their per-table log indexes, so the union is ordered (and paged) by
   * {@code log_index * 4 + kind}: after genesis every block's log indexes are distinct anyway.
   */
  enum Kind {
    ACCOUNT(
        "SELECT 'account' AS kind, block_number, log_index AS event_log_index, log_index * 4 + 0 AS log_index, tx_hash, action, account AS address,"
            + " member_id, NULL AS role, NULL AS role_name FROM members"),
    ROLE(
        "SELECT 'role' AS kind, block_number, log_index AS event_log_index, log_index * 4 + 1 AS log_index, tx_hash, action, account AS address,"
            + " NULL AS member_id, role, role_name FROM roles"),
    NODE(
        "SELECT 'node' AS kind, block_number, log_index AS event_log_index, log_index * 4 + 2 AS log_index, tx_hash, action, node AS address,"
            + " NULL AS member_id, NULL AS role, NULL AS role_name FROM nodes"),
    VALIDATOR(
        "SELECT 'validator' AS kind, block_number, log_index AS event_log_index, log_index * 4 + 3 AS log_index, tx_hash, action,"
            + " validator AS address, NULL AS member_id, NULL AS role, NULL AS role_name"
            + " FROM validators");

    private final String select;

    Kind(String select) {
      this.select = select;
    }

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Kind> parse(String label) {
      for (Kind kind : values()) {
        if (kind.label().equals(label)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }

  /** The first row of each validator: when it was first added. */
  private static final String FIRST_ADDED =
      "SELECT f.validator, f.block_number, f.log_index, f.tx_hash FROM validators f"
          + " WHERE NOT EXISTS (SELECT 1 FROM validators e WHERE e.validator = f.validator AND "
          + Current.later("f", "e")
          + ")";

  /**
   * Every validator the chain ever had, in the order first added: whether it is one now, when it
   * was first and last added and last removed, and how many changes it went through.
   */
  JsonObject validators(Snapshot at, Page page) throws SQLException {
    List<Page.Row> rows = new ArrayList<>();
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT * FROM ("
                    + FIRST_ADDED
                    + ") v WHERE "
                    + page.afterCondition("v")
                    + " ORDER BY v.block_number, v.log_index LIMIT ?")) {
      int next = page.bind(query, 1);
      query.setInt(next, page.fetch());
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          rows.add(
              new Page.Row(
                  RowJson.key(row),
                  new JsonObject()
                      .put("validator", row.getString("validator"))
                      .put("firstAdded", RowJson.logRef(row, ""))));
        }
      }
    }
    for (Page.Row row : rows) {
      JsonObject validator = row.item();
      String address = validator.getString("validator");
      JsonObject lastAdded = last(at, address, "added");
      JsonObject lastRemoved = last(at, address, "removed");
      boolean active = lastRemoved == null || after(lastAdded, lastRemoved);
      validator
          .put("active", active)
          .put("lastAdded", lastAdded)
          .put("lastRemoved", lastRemoved)
          .put("changes", changes(at, address));
    }
    return page.answer(rows);
  }

  /**
   * Permission changes of the given kinds (all when empty) in the list's range and order, each with
   * the executed proposal of the same transaction when there is one (genesis rows have none).
   */
  JsonObject history(Snapshot at, ListQuery list, Set<Kind> kinds) throws SQLException {
    Set<Kind> selected = kinds.isEmpty() ? Set.of(Kind.values()) : kinds;
    String union =
        selected.stream()
            .sorted()
            .map(kind -> kind.select)
            .collect(Collectors.joining(" UNION ALL "));
    Page page = list.page();
    ListQuery.Clause clause = list.clause(at, "h");
    List<Page.Row> rows = new ArrayList<>();
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT h.*, p.proposal_id FROM ("
                    + union
                    + ") h LEFT JOIN proposals p ON p.outcome_tx_hash = h.tx_hash"
                    + " AND p.outcome = 'executed' WHERE "
                    + clause.where()
                    + " ORDER BY "
                    + clause.orderBy()
                    + " LIMIT ?")) {
      int next = clause.bind(query, 1);
      query.setInt(next, page.fetch());
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          long proposal = row.getLong("proposal_id");
          boolean byProposal = !row.wasNull();
          rows.add(
              new Page.Row(
                  RowJson.key(row),
                  new JsonObject()
                      .put("kind", row.getString("kind"))
                      .put("action", row.getString("action"))
                      .put("address", row.getString("address"))
                      .put("memberId", row.getString("member_id"))
                      .put("role", row.getString("role"))
                      .put("roleName", row.getString("role_name"))
                      .put(
                          "at",
                          new JsonObject()
                              .put("blockNumber", row.getLong("block_number"))
                              .put("logIndex", row.getInt("event_log_index"))
                              .put("txHash", row.getString("tx_hash")))
                      .put("proposalId", byProposal ? proposal : null)));
        }
      }
    }
    return page.answer(rows);
  }

  /** Whether event position {@code a} comes after {@code b} in chain order. */
  private static boolean after(JsonObject a, JsonObject b) {
    int byBlock = Long.compare(a.getLong("blockNumber"), b.getLong("blockNumber"));
    return byBlock != 0 ? byBlock > 0 : a.getInteger("logIndex") > b.getInteger("logIndex");
  }

  /** The validator's latest row with {@code action}, or null if it has none. */
  private static JsonObject last(Snapshot at, String validator, String action) throws SQLException {
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT block_number, log_index, tx_hash FROM validators"
                    + " WHERE validator = ? AND action = ?"
                    + " ORDER BY block_number DESC, log_index DESC LIMIT 1")) {
      query.setString(1, validator);
      query.setString(2, action);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? RowJson.logRef(row, "") : null;
      }
    }
  }

  private static long changes(Snapshot at, String validator) throws SQLException {
    try (PreparedStatement query =
        at.connection().prepareStatement("SELECT COUNT(*) FROM validators WHERE validator = ?")) {
      query.setString(1, validator);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
