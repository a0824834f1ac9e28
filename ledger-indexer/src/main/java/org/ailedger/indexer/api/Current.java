package org.ailedger.indexer.api;

/**
 * SQL for the current state kept in the permission histories: a key's latest row, when that row is
 * an addition (or grant). Indexed by key and chain position, so each row's check is one index probe
 * rather than a replay of the history.
 */
final class Current {
  /** Current accounts: {@code account, member_id} and the position of the row that added it. */
  static final String ACCOUNTS =
      "SELECT m.account, m.member_id, m.block_number, m.log_index, m.tx_hash FROM members m"
          + " WHERE m.action = 'added' AND NOT EXISTS (SELECT 1 FROM members l"
          + " WHERE l.account = m.account AND "
          + later("l", "m")
          + ")";

  /** Current role holders: {@code role, role_name, account} and the granting row's position. */
  static final String ROLES =
      "SELECT r.role, r.role_name, r.account, r.block_number, r.log_index, r.tx_hash FROM roles r"
          + " WHERE r.action = 'granted' AND NOT EXISTS (SELECT 1 FROM roles l"
          + " WHERE l.account = r.account AND l.role = r.role AND "
          + later("l", "r")
          + ")";

  /** Current validators: {@code validator} and the adding row's position. */
  static final String VALIDATORS = latestAdded("validators", "validator");

  /** Current allowed nodes: {@code node} and the adding row's position. */
  static final String NODES = latestAdded("nodes", "node");

  private Current() {}

  private static String latestAdded(String table, String key) {
    return "SELECT h."
        + key
        + ", h.block_number, h.log_index, h.tx_hash FROM "
        + table
        + " h WHERE h.action = 'added' AND NOT EXISTS (SELECT 1 FROM "
        + table
        + " l WHERE l."
        + key
        + " = h."
        + key
        + " AND "
        + later("l", "h")
        + ")";
  }

  /** SQL: row {@code later} comes after row {@code row} in chain order. */
  static String later(String later, String row) {
    return "("
        + later
        + ".block_number > "
        + row
        + ".block_number OR ("
        + later
        + ".block_number = "
        + row
        + ".block_number AND "
        + later
        + ".log_index > "
        + row
        + ".log_index))";
  }
}
