package org.ailedger.indexer.store;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ailedger.indexer.event.EthAddress;
import org.ailedger.indexer.event.LogPosition;
import org.apache.tuweni.bytes.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statements of one write transaction, prepared once and reused for every row of the batch.
 * Every insert is keyed by the log's natural key and ignores a row already there, so replaying a
 * block range cannot duplicate anything.
 *
 * <p>Inserts are sent to the database in JDBC batches, a round trip per table rather than per row.
 * The updates that complete a row an earlier event inserted ({@link #complete}) are batched too and
 * sent after the inserts, since they refer to rows inserted earlier in the same transaction: one
 * per event would cut every batch short, and a history of submissions has one per update. Rows
 * derived from inserted rows ({@link #derive}) follow in the same way. Any other statement ({@link
 * #execute}) first flushes all of them. Call {@link #flush()} before committing.
 */
final class Statements implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Statements.class);

  private final Connection connection;
  private final Engine engine;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();
  private final Set<PreparedStatement> pending = new LinkedHashSet<>();
  private final Map<PreparedStatement, List<Completion>> completions = new LinkedHashMap<>();
  private final Set<PreparedStatement> derivations = new LinkedHashSet<>();
  private PreparedStatement lastDerivation;

  /**
   * The derivations {@link #deriveOnce} queued in this transaction; bounded by the batch's events,
   * since this object lives for one transaction.
   */
  private final Set<List<Object>> derivedOnce = new HashSet<>();

  /** A queued completion: which event asked for it and what row it completes, for the warning. */
  private record Completion(LogPosition at, String target) {}

  Statements(Connection connection, Engine engine) {
    this.connection = connection;
    this.engine = engine;
  }

  /** Inserts a row produced by the log at {@code at}; {@code columns} name {@code values}. */
  void insert(LogPosition at, String table, String columns, Object... values) throws SQLException {
    Object[] row = new Object[values.length + 3];
    row[0] = at.blockNumber();
    row[1] = at.logIndex();
    row[2] = at.txHash();
    System.arraycopy(values, 0, row, 3, values.length);
    queue(insertSql(table, "block_number, log_index, tx_hash, " + columns, row.length), row);
  }

  /** Inserts a row read from the genesis state: block 0, log index {@code index}, no tx hash. */
  void insertGenesis(int index, String table, String columns, Object... values)
      throws SQLException {
    Object[] row = new Object[values.length + 3];
    row[0] = 0L;
    row[1] = index;
    row[2] = null;
    System.arraycopy(values, 0, row, 3, values.length);
    queue(insertSql(table, "block_number, log_index, tx_hash, " + columns, row.length), row);
  }

  /** Inserts a row with exactly the given columns. */
  void insertPlain(String table, String columns, Object... values) throws SQLException {
    queue(insertSql(table, columns, values.length), values);
  }

  /**
   * Runs any statement with its parameters after the queued inserts; answers the number of rows
   * changed.
   */
  int execute(String sql, Object... values) throws SQLException {
    flush();
    PreparedStatement statement = statement(sql, values);
    return statement.executeUpdate();
  }

  /**
   * Queues an update of the row an earlier event inserted ({@code target}, for the warning), sent
   * after the queued inserts. Updates of one kind run in the order they were queued; different
   * kinds set different columns, so their relative order does not matter. A completion that finds
   * no row means the store misses history: it is logged, not fatal, as the event's own row is.
   */
  void complete(LogPosition at, String target, String sql, Object... values) throws SQLException {
    PreparedStatement statement = statement(sql, values);
    statement.addBatch();
    completions.computeIfAbsent(statement, s -> new ArrayList<>()).add(new Completion(at, target));
  }

  /**
   * Queues a statement that inserts rows computed from rows inserted before it in this transaction
   * (a dataset's lineage closure from its parents', a citation's mark on it), sent after the queued
   * inserts and completions, all in the order queued: so a row derived from one derived earlier in
   * the batch finds it. A derivation of another kind than the last one sends everything queued
   * first (a JDBC batch runs all its rows at once); derivations of one kind come in long runs.
   */
  void derive(String sql, Object... values) throws SQLException {
    PreparedStatement queued = prepared.get(sql);
    if (lastDerivation != null && queued != lastDerivation) {
      // a batch runs all its rows at once: another kind must not overtake what is queued
      flush();
    }
    PreparedStatement statement = statement(sql, values);
    statement.addBatch();
    derivations.add(statement);
    lastDerivation = statement;
  }

  /** As {@link #derive}, unless the same statement with the same values was queued already. */
  void deriveOnce(String sql, Object... values) throws SQLException {
    List<Object> key = new ArrayList<>(values.length + 1);
    key.add(sql);
    key.addAll(Arrays.asList(values));
    if (derivedOnce.add(key)) {
      derive(sql, values);
    }
  }

  /** Sends the queued inserts, then the queued completions, then the queued derivations. */
  void flush() throws SQLException {
    for (PreparedStatement statement : pending) {
      statement.executeBatch();
    }
    pending.clear();
    for (Map.Entry<PreparedStatement, List<Completion>> queued : completions.entrySet()) {
      int[] changed = queued.getKey().executeBatch();
      List<Completion> asked = queued.getValue();
      for (int i = 0; i < changed.length && i < asked.size(); i++) {
        if (changed[i] == 0) {
          LOG.warn(
              "event {} refers to {}, which the store does not hold",
              asked.get(i).at().eventId(),
              asked.get(i).target());
        }
      }
    }
    completions.clear();
    for (PreparedStatement statement : derivations) {
      statement.executeBatch();
    }
    derivations.clear();
    lastDerivation = null;
  }

  private void queue(String sql, Object... values) throws SQLException {
    PreparedStatement statement = statement(sql, values);
    statement.addBatch();
    pending.add(statement);
  }

  private PreparedStatement statement(String sql, Object... values) throws SQLException {
    PreparedStatement statement = prepared.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      prepared.put(sql, statement);
    }
    for (int i = 0; i < values.length; i++) {
      bind(statement, i + 1, values[i]);
    }
    return statement;
  }

  private void bind(PreparedStatement statement, int index, Object value) throws SQLException {
    switch (value) {
      case null -> statement.setNull(index, Types.VARCHAR);
      case Long number -> statement.setLong(index, number);
      case Integer number -> statement.setInt(index, number);
      case String text -> statement.setString(index, text);
      case BigInteger number -> engine.bindUint(statement, index, number);
      case Bytes bytes -> statement.setString(index, bytes.toHexString());
      case EthAddress address -> statement.setString(index, address.hex());
      default ->
          throw new IllegalArgumentException(
              "cannot store a " + value.getClass().getName() + " in column " + index);
    }
  }

  private static String insertSql(String table, String columns, int count) {
    return "INSERT INTO "
        + table
        + " ("
        + columns
        + ") VALUES ("
        + "?, ".repeat(count - 1)
        + "?) ON CONFLICT DO NOTHING";
  }

  @Override
  public void close() throws SQLException {
    SQLException first = null;
    for (PreparedStatement statement : prepared.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    prepared.clear();
    pending.clear();
    completions.clear();
    derivations.clear();
    derivedOnce.clear();
    if (first != null) {
      throw first;
    }
  }
}
