package org.ailedger.indexer.api;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Where a radius wider than {@link BlastRadiusReads#MAX_DATASETS} is cut: the closure position
 * (depth, block, log index) of the last dataset it keeps, as the writer keeps it. Positions order a
 * radius nearest generation first, each generation in chain order, so the kept datasets are those
 * at or before the cut.
 */
record RadiusCut(int depth, long blockNumber, int logIndex) {
  RadiusCut {
    if (depth < 0) {
      throw new IllegalArgumentException("depth < 0: " + depth);
    }
  }

  /**
   * The cut the writer keeps in {@code radius_sizes} ({@code cut_depth}, {@code cut_block}, {@code
   * cut_log}); empty for a radius that keeps all its datasets.
   */
  static Optional<RadiusCut> of(ResultSet size) throws SQLException {
    int depth = size.getInt("cut_depth");
    if (size.wasNull()) {
      return Optional.empty();
    }
    return Optional.of(new RadiusCut(depth, size.getLong("cut_block"), size.getInt("cut_log")));
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
