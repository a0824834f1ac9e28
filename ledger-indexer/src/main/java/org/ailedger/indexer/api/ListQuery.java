package org.ailedger.indexer.api;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rows of a chain-ordered list a request wants: those in a block range, in one direction, one
 * page after a keyset cursor. A cursor continues in the direction of the request that issued it.
 */
record ListQuery(Page page, BlockRange range, Order order) {
  /** The first page of everything, oldest first. */
  static ListQuery of(Page page) {
    return new ListQuery(page, BlockRange.ALL, Order.ASC);
  }

  /**
   * The SQL that selects this list's rows of a table aliased {@code alias} (with {@code
   * block_number} and {@code log_index} columns) in the snapshot; bind its parameters with {@link
   * Clause#bind}.
   */
  Clause clause(Snapshot at, String alias) throws SQLException {
    BlockRange.Span span = range.resolve(at);
    String column = alias.isEmpty() ? "" : alias + ".";
    List<Long> params = new ArrayList<>(List.of(span.first(), span.last()));
    StringBuilder where = new StringBuilder(column).append("block_number BETWEEN ? AND ?");
    if (page.after().isPresent()) {
      PageKey key = page.after().get();
      String beyond = order.beyond();
      where
          .append(" AND (")
          .append(column)
          .append("block_number ")
          .append(beyond)
          .append(" ? OR (")
          .append(column)
          .append("block_number = ? AND ")
          .append(column)
          .append("log_index ")
          .append(beyond)
          .append(" ?))");
      params.addAll(List.of(key.blockNumber(), key.blockNumber(), (long) key.logIndex()));
    }
    String orderBy =
        column + "block_number " + order.sql() + ", " + column + "log_index " + order.sql();
    return new Clause(where.toString(), orderBy, List.copyOf(params));
  }

  /**
   * A list's SQL condition and ordering over one table alias.
   *
   * @param where the condition (range and keyset), with {@code ?} parameters
   * @param orderBy the ORDER BY terms
   * @param params the condition's parameters in order
   */
  record Clause(String where, String orderBy, List<Long> params) {
    /** Binds the condition's parameters from {@code index}; returns the next free index. */
    int bind(PreparedStatement query, int index) throws SQLException {
      for (long param : params) {
        query.setLong(index++, param);
      }
      return index;
    }
  }
}
