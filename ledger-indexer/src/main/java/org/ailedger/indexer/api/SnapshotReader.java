package org.ailedger.indexer.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.ailedger.indexer.store.Engine;
import org.ailedger.indexer.store.QueryPool;

/**
 * Runs a {@link Snapshot.Read} on the query pool, never on the event loop, inside one read-only
 * transaction that first reads the cursor, and adds the {@code block} member to its answer.
 */
final class SnapshotReader {
  private final QueryPool pool;

  SnapshotReader(QueryPool pool) {
    this.pool = pool;
  }

  Future<JsonObject> read(Snapshot.Read read) {
    return document(
        snapshot -> new JsonObject().put("block", snapshot.block()).mergeIn(read.run(snapshot)));
  }

  /**
   * Like {@link #read}, but the answer is the read's document as it is: for formats whose top level
   * is fixed by their standard, which state the block in their own terms.
   */
  Future<JsonObject> document(Snapshot.Read read) {
    return pool.read(
        queries ->
            queries.read(
                connection -> {
                  Engine engine = queries.engine();
                  begin(connection, engine);
                  try {
                    return read.run(snapshot(connection, engine));
                  } finally {
                    // read only: nothing to keep; ending the transaction frees its snapshot
                    connection.rollback();
                  }
                }));
  }

  private static void begin(Connection connection, Engine engine) throws SQLException {
    switch (engine) {
      // READ COMMITTED would let each statement see a later commit than the cursor it read
      case POSTGRESQL -> connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      // a WAL reader keeps the snapshot of its first read until the transaction ends
      case SQLITE -> {}
    }
    connection.setAutoCommit(false);
  }

  private static Snapshot snapshot(Connection connection, Engine engine) throws SQLException {
    try (PreparedStatement query =
            connection.prepareStatement("SELECT block_number, block_hash FROM cursor");
        ResultSet row = query.executeQuery()) {
      if (!row.next()) {
        throw new ProblemException(
            Problem.notIndexedYet(
                "the indexer has not stored the chain's genesis state yet; see /v1/health",
                Map.of()));
      }
      return new Snapshot(connection, engine, row.getLong(1), row.getString(2));
    }
  }
}
