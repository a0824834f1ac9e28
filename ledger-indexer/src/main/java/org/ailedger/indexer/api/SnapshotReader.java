package org.ailedger.indexer.api;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
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

  /**
   * Runs {@code read} in one snapshot; {@code named} adds the {@code block} member to its answer,
   * otherwise (a standard format whose top level is fixed, which states the block in its own terms)
   * the read's document is the answer as it is. The answer is encoded on the worker too, after the
   * connection is back in the pool: the event loop only writes the bytes.
   */
  Future<Answered> answer(Snapshot.Read read, boolean named) {
    return pool.read(
        queries -> {
          Result done =
              queries.read(
                  connection -> {
                    Engine engine = queries.engine();
                    begin(connection, engine);
                    try {
                      Snapshot snapshot = snapshot(connection, engine);
                      JsonObject document = read.run(snapshot);
                      return new Result(
                          named
                              ? new JsonObject().put("block", snapshot.block()).mergeIn(document)
                              : document,
                          snapshot.blockNumber(),
                          snapshot.blockHash());
                    } finally {
                      // read only: nothing to keep; ending the transaction frees its snapshot
                      connection.rollback();
                    }
                  });
          return new Answered(done.answer().toBuffer(), done.blockNumber(), done.blockHash());
        });
  }

  /** An encoded answer and the head (block number and hash) its snapshot read. */
  record Answered(Buffer body, long blockNumber, String blockHash) {}

  private record Result(JsonObject answer, long blockNumber, String blockHash) {}

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
