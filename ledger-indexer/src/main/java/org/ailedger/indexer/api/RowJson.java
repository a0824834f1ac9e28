package org.ailedger.indexer.api;

import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;

/** How a stored row's shared columns appear in answers. */
final class RowJson {
  private RowJson() {}

  /**
   * Where an event is on chain, from the columns {@code <prefix>block_number}, {@code
   * <prefix>log_index}, {@code <prefix>tx_hash}; null when the row has none (a round not yet
   * finalized). Genesis rows have no transaction.
   */
  static JsonObject logRef(ResultSet row, String prefix) throws SQLException {
    long block = row.getLong(prefix + "block_number");
    if (row.wasNull()) {
      return null;
    }
    return new JsonObject()
        .put("blockNumber", block)
        .put("logIndex", row.getInt(prefix + "log_index"))
        .put("txHash", row.getString(prefix + "tx_hash"));
  }

  /** A 256-bit integer column as a decimal string (JSON numbers lose precision past 2^53). */
  static String uint(Snapshot snapshot, ResultSet row, String column) throws SQLException {
    BigInteger value = snapshot.engine().readUint(row, column);
    return value == null ? null : value.toString();
  }

  static PageKey key(ResultSet row) throws SQLException {
    return new PageKey(row.getLong("block_number"), row.getInt("log_index"));
  }
}
