package org.ailedger.indexer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ailedger.indexer.event.NativeContract;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The event stream's SQL over the outbox: pages in chain order for readers, and the pruning the
 * writer does in each batch's transaction so the table keeps only the latest blocks.
 */
public final class Outbox {
  /** The most entries one page may hold. */
  public static final int MAX_PAGE = 10_000;

  private Outbox() {}

  /**
   * The entries after {@code after} that match {@code filter}, in chain order, at most {@code
   * limit}, with the outbox's newest entry read before them and its retention read after them (see
   * {@link OutboxPage}). Call it on a read connection off the event loop ({@link
   * LedgerQueries#read}).
   */
  public static OutboxPage page(
      Connection connection, EventId after, OutboxFilter filter, int limit) throws SQLException {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("limit outside 1.." + MAX_PAGE + ": " + limit);
    }
    // the order of the three reads makes a page safe without a transaction: whatever commits
    // between them only adds entries after `newest` or moves retention up, which the caller sees
    Optional<EventId> newest = newest(connection);
    List<OutboxEntry> entries = entries(connection, after, filter, limit);
    long retainedFrom = retainedFromBlock(connection);
    return new OutboxPage(entries, entries.size() < limit, newest, retainedFrom);
  }

  /** The newest entry's id; empty while the outbox is empty. */
  public static Optional<EventId> newest(Connection connection) throws SQLException {
    try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT block_number, log_index FROM outbox"
                    + " ORDER BY block_number DESC, log_index DESC LIMIT 1");
        ResultSet row = query.executeQuery()) {
      return row.next()
          ? Optional.of(new EventId(row.getLong(1), row.getInt(2)))
          : Optional.empty();
    }
  }

  /**
   * The id just after every event committed so far: the end of the cursor's block, or {@link
   * EventId#ORIGIN} before the genesis state is stored. Never before the retained blocks.
   */
  public static EventId afterCursor(Connection connection) throws SQLException {
    return LedgerWriter.StoredState.cursor(connection)
        .map(cursor -> new EventId(cursor.blockNumber(), Integer.MAX_VALUE))
        .orElse(EventId.ORIGIN);
  }

  /** The oldest block whose entries are all kept; 0 until anything is pruned. */
  public static long retainedFromBlock(Connection connection) throws SQLException {
    try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT retained_from_block FROM outbox_retention WHERE id = 1");
        ResultSet row = query.executeQuery()) {
      return row.next() ? row.getLong(1) : 0;
    }
  }

  private static List<OutboxEntry> entries(
      Connection connection, EventId after, OutboxFilter filter, int limit) throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT block_number, log_index, tx_hash, contract, event, payload FROM outbox"
                + " WHERE (block_number > ? OR (block_number = ? AND log_index > ?))");
    List<Object> values =
        new ArrayList<>(List.of(after.blockNumber(), after.blockNumber(), after.logIndex()));
    if (!filter.contracts().isEmpty()) {
      sql.append(" AND contract IN (").append(placeholders(filter.contracts().size())).append(')');
      filter.contracts().stream().map(NativeContract::name).sorted().forEach(values::add);
    }
    if (!filter.events().isEmpty()) {
      sql.append(" AND event IN (").append(placeholders(filter.events().size())).append(')');
      filter.events().stream().sorted().forEach(values::add);
    }
    sql.append(" ORDER BY block_number, log_index LIMIT ?");
    values.add(limit);
    try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < values.size(); i++) {
        query.setObject(i + 1, values.get(i));
      }
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
  }

  /**
   * Deletes the entries of blocks before {@code fromBlock} and records that the outbox is complete
   * only from there; a no-op unless it moves retention up. Part of the writer's transaction.
   */
  static void retainFrom(Statements sql, long fromBlock) throws SQLException {
    if (fromBlock <= 0) {
      return;
    }
    int moved =
        sql.execute(
            "UPDATE outbox_retention SET retained_from_block = ?"
                + " WHERE id = 1 AND retained_from_block < ?",
            fromBlock,
            fromBlock);
    if (moved > 0) {
      sql.execute("DELETE FROM outbox WHERE block_number < ?", fromBlock);
    }
  }

  private static String placeholders(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }
}
