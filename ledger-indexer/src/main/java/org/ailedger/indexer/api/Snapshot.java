package org.ailedger.indexer.api;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import org.ailedger.indexer.store.Engine;

/**
 * One read of the store as of one block: the cursor and the rows come from the same transaction, so
 * the block an answer names is exactly the state it shows, even while ingestion commits.
 *
 * @param connection the read transaction's connection
 * @param engine how the store keeps 256-bit integers
 * @param blockNumber the cursor's block: every event up to it is stored, none after
 * @param blockHash that block's hash
 */
record Snapshot(Connection connection, Engine engine, long blockNumber, String blockHash) {
  Snapshot {
    if (connection == null || engine == null || blockHash == null) {
      throw new IllegalArgumentException("a snapshot has a connection, an engine and a block");
    }
  }

  /** The {@code block} member every answer carries. */
  JsonObject block() {
    return new JsonObject().put("number", blockNumber).put("hash", blockHash);
  }

  /** A read that builds an answer from a snapshot; blocking JDBC, run on the query pool only. */
  @FunctionalInterface
  interface Read {
    JsonObject run(Snapshot snapshot) throws SQLException;
  }
}
