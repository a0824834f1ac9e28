package org.ailedger.indexer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Reads of the store on the read pool. Blocking: call it from a worker ({@link QueryPool}), never
 * from an event loop.
 */
public final class LedgerQueries {
  /** The tables an analyst (and {@link #rowCount}) may count. */
  public static final Set<String> TABLES =
      Set.of(
          "blocks",
          "events",
          "outbox",
          "members",
          "roles",
          "nodes",
          "validators",
          "models",
          "rounds",
          "updates",
          "update_datasets",
          "rewards",
          "reputation_changes",
          "datasets",
          "lineage",
          "lineage_closure",
          "endorsements",
          "revocations",
          "token_allocations",
          "token_transfers",
          "token_approvals",
          "proposals",
          "votes",
          "parameters");

  /** The most outbox entries one read returns. */
  public static final int MAX_OUTBOX_PAGE = 10_000;

  private final Database database;

  public LedgerQueries(Database database) {
    this.database = database;
  }

  public Optional<Cursor> cursor() {
    return read(LedgerWriter.StoredState::cursor);
  }

  public Optional<ChainIdentity> chain() {
    return read(LedgerWriter.StoredState::chain);
  }

  public long rowCount(String table) {
    if (!TABLES.contains(table)) {
      throw new IllegalArgumentException("no table " + table);
    }
    return read(
        connection -> {
          try (PreparedStatement query =
                  connection.prepareStatement("SELECT COUNT(*) FROM " + table);
              ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
          }
        });
  }

  /** Outbox entries after {@code (blockNumber, logIndex)} in chain order, at most {@code limit}. */
  public List<OutboxEntry> outboxAfter(long blockNumber, int logIndex, int limit) {
    if (limit < 1 || limit > MAX_OUTBOX_PAGE) {
      throw new IllegalArgumentException("limit outside 1.." + MAX_OUTBOX_PAGE + ": " + limit);
    }
    return read(
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT block_number, log_index, tx_hash, contract, event, payload FROM outbox"
                      + " WHERE block_number > ? OR (block_number = ? AND log_index > ?)"
                      + " ORDER BY block_number, log_index LIMIT ?")) {
            query.setLong(1, blockNumber);
            query.setLong(2, blockNumber);
            query.setInt(3, logIndex);
            query.setInt(4, limit);
            List<OutboxEntry> entries = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
              while (row.next()) {
                entries.add(
                    new OutboxEntry(
                        row.getLong(1),
                        row.getInt(2),
                        Bytes32.fromHexString(row.getString(3)),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6)));
              }
            }
            return entries;
          }
        });
  }

  /** Runs a read of an analyst's kind; the engine decides what SQL it accepts. */
  public <T> T read(Read<T> read) {
    try (Connection connection = database.readConnection()) {
      return read.run(connection);
    } catch (SQLException e) {
      throw new StoreException("the store refused a read: " + e.getMessage(), e);
    }
  }

  /** A read on one connection. */
  @FunctionalInterface
  public interface Read<T> {
    T run(Connection connection) throws SQLException;
  }

  /** The engine's type for 256-bit integers decides how to read them back. */
  public Engine engine() {
    return database.engine();
  }
}
