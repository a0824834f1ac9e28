package org.ailedger.indexer.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * One page of a list: the rows after {@code after} (from the start when empty) in chain order, at
 * most {@code limit}.
 */
record Page(Optional<PageKey> after, int limit) {
  /** The most rows one page may hold, so that one request cannot make the store read everything. */
  static final int MAX_LIMIT = 500;

  static final int DEFAULT_LIMIT = 50;

  Page {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit outside 1.." + MAX_LIMIT + ": " + limit);
    }
  }

  /**
   * SQL of the keyset condition over a table's {@code block_number, log_index}; see {@link #bind}.
   */
  String afterCondition(String alias) {
    String prefix = alias.isEmpty() ? "" : alias + ".";
    return after.isEmpty()
        ? "1 = 1"
        : "("
            + prefix
            + "block_number > ? OR ("
            + prefix
            + "block_number = ? AND "
            + prefix
            + "log_index > ?))";
  }

  /** Binds the keyset condition's parameters from {@code index}; returns the next free index. */
  int bind(PreparedStatement query, int index) throws SQLException {
    if (after.isPresent()) {
      query.setLong(index++, after.get().blockNumber());
      query.setLong(index++, after.get().blockNumber());
      query.setInt(index++, after.get().logIndex());
    }
    return index;
  }

  /** How many rows to fetch: one more than the page, to learn whether another page follows. */
  int fetch() {
    return limit + 1;
  }

  /** The page's answer from up to {@link #fetch()} rows: the items and the next page's cursor. */
  JsonObject answer(List<Row> rows) {
    JsonArray items = new JsonArray();
    rows.stream().limit(limit).forEach(row -> items.add(row.item()));
    String next = rows.size() > limit ? rows.get(limit - 1).key().token() : null;
    return new JsonObject().put("data", items).put("nextCursor", next);
  }

  /** A listed item and its position in chain order. */
  record Row(PageKey key, JsonObject item) {}
}
