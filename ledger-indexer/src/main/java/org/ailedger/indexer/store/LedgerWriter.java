package org.ailedger.indexer.store;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ailedger.indexer.event.DecodedLog;
import org.ailedger.indexer.event.EthAddress;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The store's one writer. Each batch's rows, its blocks, its outbox entries and the cursor that
 * moves past it are committed in one transaction, so after any crash the store holds a block
 * range's events either all, with the cursor after them, or none, with the cursor before them. Call
 * it from one thread only (the ingester's); it is not thread-safe.
 */
public final class LedgerWriter {
  /** How many of the latest blocks' outbox entries the event stream can replay by default. */
  public static final long DEFAULT_OUTBOX_RETENTION_BLOCKS = 100_000;

  private final Database database;
  private final EventRows rows = new EventRows();
  private final long outboxRetentionBlocks;
  private final CommitListener listener;

  public LedgerWriter(Database database) {
    this(database, DEFAULT_OUTBOX_RETENTION_BLOCKS, CommitListener.NONE);
  }

  /**
   * @param outboxRetentionBlocks each commit prunes the outbox to the entries of this many latest
   *     blocks (up to the new cursor), so the table does not grow with the chain
   * @param listener told after each commit
   */
  public LedgerWriter(Database database, long outboxRetentionBlocks, CommitListener listener) {
    if (outboxRetentionBlocks < 1) {
      throw new IllegalArgumentException("outboxRetentionBlocks < 1: " + outboxRetentionBlocks);
    }
    this.database = database;
    this.outboxRetentionBlocks = outboxRetentionBlocks;
    this.listener = listener;
  }

  /** The last block whose events are stored; empty before the genesis state is seeded. */
  public Optional<Cursor> cursor() {
    return inTransaction(connection -> StoredState.cursor(connection));
  }

  /** Which chain the store holds; empty before the genesis state is seeded. */
  public Optional<ChainIdentity> chain() {
    return inTransaction(connection -> StoredState.chain(connection));
  }

  /**
   * Stores the genesis state as rows of block 0 and sets the cursor to block 0.
   *
   * @throws IllegalStateException if the store already holds a chain
   */
  public void seedGenesis(GenesisState state) {
    inTransaction(
        connection -> {
          if (StoredState.cursor(connection).isPresent()) {
            throw new IllegalStateException("the store already holds a chain");
          }
          try (Statements sql = new Statements(connection, database.engine())) {
            sql.insertPlain(
                "chain", "id, chain_id, genesis_hash", 1, state.chainId(), state.genesis().hash());
            insertBlock(sql, state.genesis());
            seedRows(sql, state);
            sql.insertPlain(
                "cursor",
                "id, block_number, block_hash",
                1,
                state.genesis().number(),
                state.genesis().hash());
            sql.flush();
          }
          return null;
        });
    listener.committed(state.genesis().cursor());
  }

  /**
   * Commits a batch: its blocks, its events and the cursor after it.
   *
   * @throws StoreException if the stored cursor is not the one the batch follows (a second writer,
   *     or a caller that lost track), or the database refuses the write
   */
  public void commit(Batch batch) {
    inTransaction(
        connection -> {
          Optional<Cursor> stored = StoredState.cursor(connection);
          if (stored.isEmpty() || !stored.get().equals(batch.after())) {
            throw new StoreException(
                "batch follows "
                    + batch.after()
                    + " but the store's cursor is "
                    + stored.map(Cursor::toString).orElse("unset"));
          }
          try (Statements sql = new Statements(connection, database.engine())) {
            for (Block block : batch.blocks()) {
              insertBlock(sql, block);
            }
            insertBlock(sql, batch.last());
            for (DecodedLog log : batch.events()) {
              rows.write(sql, log);
            }
            Cursor next = batch.cursor();
            if (!batch.events().isEmpty()) {
              RadiusSummaries.settle(sql, batch.after().blockNumber() + 1, next.blockNumber());
            }
            sql.execute(
                "UPDATE cursor SET block_number = ?, block_hash = ? WHERE id = 1",
                next.blockNumber(),
                next.blockHash());
            Outbox.retainFrom(sql, next.blockNumber() - outboxRetentionBlocks + 1);
            sql.flush();
          }
          return null;
        });
    listener.committed(batch.cursor());
  }

  private static void insertBlock(Statements sql, Block block) throws SQLException {
    sql.insertPlain(
        "blocks",
        "block_number, block_hash, parent_hash, block_timestamp",
        block.number(),
        block.hash(),
        block.parentHash(),
        block.timestamp());
  }

  private static void seedRows(Statements sql, GenesisState state) throws SQLException {
    int index = 0;
    for (Map.Entry<EthAddress, Bytes32> member : state.members().entrySet()) {
      sql.insertGenesis(
          index++,
          "members",
          "member_id, account, action",
          member.getValue(),
          member.getKey(),
          "added");
    }
    index = 0;
    for (Map.Entry<Bytes32, List<EthAddress>> role : state.roles().entrySet()) {
      for (EthAddress account : role.getValue()) {
        sql.insertGenesis(
            index++,
            "roles",
            "role, role_name, account, action",
            role.getKey(),
            PermissionRows.roleName(role.getKey()),
            account,
            "granted");
      }
    }
    index = 0;
    for (EthAddress node : state.nodes()) {
      sql.insertGenesis(index++, "nodes", "node, action", node, "added");
    }
    index = 0;
    for (EthAddress validator : state.validators()) {
      sql.insertGenesis(index++, "validators", "validator, action", validator, "added");
    }
    index = 0;
    for (Map.Entry<EthAddress, BigInteger> balance : state.balances().entrySet()) {
      if (balance.getValue().signum() > 0) {
        sql.insertGenesis(
            index++, "token_allocations", "account, amount", balance.getKey(), balance.getValue());
      }
    }
    index = 0;
    for (Map.Entry<String, BigInteger> parameter : state.parameters().entrySet()) {
      sql.insertGenesis(
          index++, "parameters", "name, value", parameter.getKey(), parameter.getValue());
    }
  }

  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private <T> T inTransaction(Work<T> work) {
    try (Connection connection = database.writeConnection()) {
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("the store refused a write: " + e.getMessage(), e);
    }
  }

  /** Reads of the single-row tables, shared by writer and queries. */
  static final class StoredState {
    private StoredState() {}

    static Optional<Cursor> cursor(Connection connection) throws SQLException {
      try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT block_number, block_hash FROM cursor WHERE id = 1");
          ResultSet row = query.executeQuery()) {
        return row.next()
            ? Optional.of(
                new Cursor(row.getLong("block_number"), Bytes32.fromHexString(row.getString(2))))
            : Optional.empty();
      }
    }

    static Optional<ChainIdentity> chain(Connection connection) throws SQLException {
      try (PreparedStatement query =
              connection.prepareStatement("SELECT chain_id, genesis_hash FROM chain WHERE id = 1");
          ResultSet row = query.executeQuery()) {
        return row.next()
            ? Optional.of(
                new ChainIdentity(row.getLong(1), Bytes32.fromHexString(row.getString(2))))
            : Optional.empty();
      }
    }
  }
}
