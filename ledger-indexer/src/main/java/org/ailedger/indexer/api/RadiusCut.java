package org.ailedger.indexer.api;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Where a radius wider than {@link BlastRadiusReads#MAX_DATASETS} is cut: the closure position
 * (depth, block, log index) of the last dataset it keeps. Positions order a radius nearest
 * generation first, each generation in chain order, so the kept datasets are those at or before the
 * cut.
 */
record RadiusCut(int depth, long blockNumber, int logIndex) {
  RadiusCut {
    if (depth < 0) {
      throw new IllegalArgumentException("depth < 0: " + depth);
    }
  }

  /**
   * The cut of the radius of {@code root}, which holds {@code size} datasets; empty when it keeps
   * them all. Reads {@code MAX_DATASETS} rows of the closure's index by ancestor, only for a radius
   * that wide.
   */
  static Optional<RadiusCut> of(Snapshot at, String root, long size) throws SQLException {
    if (size <= BlastRadiusReads.MAX_DATASETS) {
      return Optional.empty();
    }
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT depth, block_number, log_index FROM lineage_closure WHERE ancestor_id = ?"
                    + " ORDER BY depth, block_number, log_index LIMIT 1 OFFSET ?")) {
      query.setString(1, root);
      query.setInt(2, BlastRadiusReads.MAX_DATASETS - 1);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException(
              "radius of " + root + " counts " + size + " datasets but its closure holds fewer");
        }
        return Optional.of(
            new RadiusCut(
                row.getInt("depth"), row.getLong("block_number"), row.getInt("log_index")));
      }
    }
  }

  /** A condition that a position, given as three column expressions, is at or before the cut. */
  static String keeps(String depth, String block, String logIndex) {
    return "(" + depth + ", " + block + ", " + logIndex + ") <= (?, ?, ?)";
  }

  /** A condition that a position is beyond the cut. */
  static String drops(String depth, String block, String logIndex) {
    return "(" + depth + ", " + block + ", " + logIndex + ") > (?, ?, ?)";
  }

  /** Binds the cut for {@link #keeps} or {@link #drops}; answers the next parameter's index. */
  int bind(PreparedStatement query, int index) throws SQLException {
    query.setInt(index, depth);
    query.setLong(index + 1, blockNumber);
    query.setInt(index + 2, logIndex);
    return index + 3;
  }
}
