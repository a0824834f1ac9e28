package org.ailedger.indexer.store;

import java.sql.SQLException;

/**
 * Keeps what a blast radius answers per ancestor ({@code radius_sizes}, {@code radius_hits}, {@code
 * radius_rounds}, migration V3_3) in step with the rows of a block range, in the transaction that
 * writes them. Set-based: five statements per committed range, whatever its size, each reading only
 * the range's new datasets, citations and rewards by their block numbers. Every batch is written
 * exactly once (the writer checks the stored cursor in the same transaction), so the sums are plain
 * increments.
 *
 * <p>What changes an answer, and where it is counted: a new dataset adds one to the size of every
 * radius it falls in; a new citation adds its update to the hits of every ancestor of the cited
 * datasets (once per ancestor, however many of its datasets the update cites) and to those
 * ancestors' round totals, with the update's reward if it is already paid; a reward paid for an
 * update that is already a hit adds to the round totals of the hit's ancestors. A revocation
 * changes no total (a radius lists revocation and taint per page item, read at request time), and a
 * new dataset is never cited before its attestation (the chain cites only attested datasets).
 */
public final class RadiusSummaries {
  /**
   * The most datasets one radius answer covers, the radius itself included: a wider radius is cut
   * after its first ones, nearest generation first, each generation in chain order.
   */
  public static final int MAX_DATASETS = 10_000;

  /** Slices of 9 digits cover the 78 digits of a 256-bit integer (as the readers recombine). */
  static final int SLICES = 9;

  private static final int SLICE_DIGITS = 9;

  private static final String SIZES =
      "INSERT INTO radius_sizes (ancestor_id, dataset_count)"
          + " SELECT c.ancestor_id, COUNT(*) FROM datasets d"
          + " JOIN lineage_closure c ON c.descendant_id = d.dataset_id"
          + " WHERE d.block_number BETWEEN ? AND ? GROUP BY c.ancestor_id"
          + " ON CONFLICT (ancestor_id) DO UPDATE"
          + " SET dataset_count = radius_sizes.dataset_count + excluded.dataset_count";

  /** The ancestors of the range's new datasets: the radii it grew. Parameters: the range. */
  private static final String GROWN =
      "SELECT c.ancestor_id FROM datasets d JOIN lineage_closure c"
          + " ON c.descendant_id = d.dataset_id WHERE d.block_number BETWEEN ? AND ?";

  /**
   * Where each radius the range grew beyond MAX_DATASETS is cut, found again only when it has no
   * cut yet or a new dataset lies before its cut (a shallower generation): a dataset attested later
   * in a generation at or beyond the cut leaves it where it is. Parameters: the range, twice.
   */
  private static final String CUTS =
      "UPDATE radius_sizes SET (cut_depth, cut_block, cut_log) = (SELECT c.depth,"
          + " c.block_number, c.log_index FROM lineage_closure c"
          + " WHERE c.ancestor_id = radius_sizes.ancestor_id"
          + " ORDER BY c.depth, c.block_number, c.log_index LIMIT 1 OFFSET "
          + (MAX_DATASETS - 1)
          + ") WHERE ancestor_id IN ("
          + GROWN
          + ") AND dataset_count > "
          + MAX_DATASETS
          + " AND (cut_depth IS NULL OR EXISTS (SELECT 1 FROM datasets d JOIN lineage_closure c"
          + " ON c.descendant_id = d.dataset_id WHERE d.block_number BETWEEN ? AND ?"
          + " AND c.ancestor_id = radius_sizes.ancestor_id"
          + " AND (c.depth, c.block_number, c.log_index)"
          + " < (radius_sizes.cut_depth, radius_sizes.cut_block, radius_sizes.cut_log)))";

  /** Rewards of the range paid to updates that were hits before it. */
  private static final String REWARDS_OF_EARLIER_HITS =
      "INSERT INTO radius_rounds ("
          + roundColumns()
          + ") SELECT h.ancestor_id, h.model_id, h.round, 0, COUNT(*), "
          + sliceSums("w.reward")
          + " FROM rewards w JOIN radius_hits h ON h.model_id = w.model_id AND h.round = w.round"
          + " AND h.contributor = w.contributor"
          + " WHERE w.block_number BETWEEN ? AND ?"
          + " GROUP BY h.ancestor_id, h.model_id, h.round"
          + addToRound();

  /**
   * The range's citations as hits: per (ancestor, update), how many of the update's citations fall
   * in the ancestor's radius and where the nearest of them stands in it.
   */
  private static final String HITS =
      "INSERT INTO radius_hits (ancestor_id, model_id, round, contributor, block_number, log_index,"
          + " cited, nearest_depth, nearest_block, nearest_log)"
          + " SELECT x.ancestor_id, x.model_id, x.round, x.contributor, u.block_number, u.log_index,"
          + " x.cited, x.depth, x.block_number, x.log_index"
          + " FROM (SELECT c.ancestor_id, d.model_id, d.round, d.contributor, c.depth,"
          + " c.block_number, c.log_index, COUNT(*) OVER per_hit AS cited,"
          + " ROW_NUMBER() OVER (per_hit ORDER BY c.depth, c.block_number, c.log_index) AS nearness"
          + " FROM update_datasets d JOIN lineage_closure c ON c.descendant_id = d.dataset_id"
          + " WHERE d.block_number BETWEEN ? AND ?"
          + " WINDOW per_hit AS (PARTITION BY c.ancestor_id, d.model_id, d.round, d.contributor)) x"
          + " JOIN updates u ON u.model_id = x.model_id AND u.round = x.round"
          + " AND u.contributor = x.contributor"
          + " WHERE x.nearness = 1"
          + " ON CONFLICT DO NOTHING";

  /** The range's new hits counted into their rounds, with any reward already paid to them. */
  private static final String ROUNDS_OF_NEW_HITS =
      "INSERT INTO radius_rounds ("
          + roundColumns()
          + ") SELECT x.ancestor_id, x.model_id, x.round, COUNT(*), COUNT(w.reward), "
          + sliceSums("w.reward")
          + " FROM (SELECT DISTINCT c.ancestor_id, d.model_id, d.round, d.contributor"
          + " FROM update_datasets d JOIN lineage_closure c ON c.descendant_id = d.dataset_id"
          + " WHERE d.block_number BETWEEN ? AND ?) x"
          + " LEFT JOIN rewards w ON w.model_id = x.model_id AND w.round = x.round"
          + " AND w.contributor = x.contributor"
          + " WHERE 1 = 1"
          + " GROUP BY x.ancestor_id, x.model_id, x.round"
          + addToRound();

  private RadiusSummaries() {}

  /**
   * Brings the summaries up to date with the rows of blocks {@code from} to {@code to} written in
   * this transaction. The rewards of the range are counted for the hits of earlier ranges before
   * the range's own hits are written, which count the rewards already there: each reward once.
   */
  static void settle(Statements sql, long from, long to) throws SQLException {
    sql.execute(SIZES, from, to);
    sql.execute(CUTS, from, to, from, to);
    sql.execute(REWARDS_OF_EARLIER_HITS, from, to);
    sql.execute(HITS, from, to);
    sql.execute(ROUNDS_OF_NEW_HITS, from, to);
  }

  private static String roundColumns() {
    StringBuilder columns =
        new StringBuilder("ancestor_id, model_id, round, update_count, reward_count");
    for (int slice = 0; slice < SLICES; slice++) {
      columns.append(", reward_").append(slice);
    }
    return columns.toString();
  }

  private static String addToRound() {
    StringBuilder set =
        new StringBuilder(
            " ON CONFLICT (ancestor_id, model_id, round) DO UPDATE"
                + " SET update_count = radius_rounds.update_count + excluded.update_count,"
                + " reward_count = radius_rounds.reward_count + excluded.reward_count");
    for (int slice = 0; slice < SLICES; slice++) {
      set.append(", reward_")
          .append(slice)
          .append(" = radius_rounds.reward_")
          .append(slice)
          .append(" + excluded.reward_")
          .append(slice);
    }
    return set.toString();
  }

  /**
   * The sums of a 256-bit column's 9-digit slices, lowest first, zero over no rows. The column is
   * read as its decimal text on both engines (SQLite stores it so, PostgreSQL's NUMERIC casts to
   * it) and cut with positive offsets only, which both engines' substr read alike.
   */
  private static String sliceSums(String column) {
    String text = "CAST(" + column + " AS TEXT)";
    String length = "length(" + text + ")";
    StringBuilder sums = new StringBuilder();
    for (int slice = 0; slice < SLICES; slice++) {
      int low = SLICE_DIGITS * slice;
      int high = low + SLICE_DIGITS;
      if (slice > 0) {
        sums.append(", ");
      }
      sums.append("COALESCE(SUM(CAST(CASE WHEN ")
          .append(length)
          .append(" >= ")
          .append(high)
          .append(" THEN substr(")
          .append(text)
          .append(", ")
          .append(length)
          .append(" - ")
          .append(high - 1)
          .append(", ")
          .append(SLICE_DIGITS)
          .append(") WHEN ")
          .append(length)
          .append(" > ")
          .append(low)
          .append(" THEN substr(")
          .append(text)
          .append(", 1, ")
          .append(length)
          .append(" - ")
          .append(low)
          .append(") ELSE '0' END AS BIGINT)), 0)");
    }
    return sums.toString();
  }
}
