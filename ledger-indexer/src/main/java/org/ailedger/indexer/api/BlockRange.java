package org.ailedger.indexer.api;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The blocks a list is restricted to, as a client asked: {@code fromBlock}/{@code toBlock}
 * (inclusive) and {@code fromTime}/{@code toTime} (unix seconds, inclusive), any of them absent.
 * Times become blocks through the stored block timestamps, which never decrease along the chain.
 */
record BlockRange(
    Optional<Long> fromBlock,
    Optional<Long> toBlock,
    Optional<Long> fromTime,
    Optional<Long> toTime) {
  static final BlockRange ALL =
      new BlockRange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  BlockRange {
    if (fromBlock.isPresent() && toBlock.isPresent() && fromBlock.get() > toBlock.get()) {
      throw new IllegalArgumentException("fromBlock is after toBlock");
    }
    if (fromTime.isPresent() && toTime.isPresent() && fromTime.get() > toTime.get()) {
      throw new IllegalArgumentException("fromTime is after toTime");
    }
  }

  /**
   * The inclusive block numbers this range covers in the snapshot; empty (first > last) when no
   * stored block falls in it. Every block that holds an event is stored, so no event is missed.
   */
  Span resolve(Snapshot at) throws SQLException {
    long first = fromBlock.orElse(0L);
    long last = Math.min(toBlock.orElse(at.blockNumber()), at.blockNumber());
    if (fromTime.isPresent()) {
      Optional<Long> block =
          boundary(
              at,
              "SELECT MIN(block_number) FROM blocks WHERE block_timestamp >= ?",
              fromTime.get());
      first = Math.max(first, block.orElse(Long.MAX_VALUE));
    }
    if (toTime.isPresent()) {
      Optional<Long> block =
          boundary(
              at, "SELECT MAX(block_number) FROM blocks WHERE block_timestamp <= ?", toTime.get());
      last = Math.min(last, block.orElse(-1L));
    }
    return new Span(first, last);
  }

  private static Optional<Long> boundary(Snapshot at, String sql, long time) throws SQLException {
    try (PreparedStatement query = at.connection().prepareStatement(sql)) {
      query.setLong(1, time);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        long block = row.getLong(1);
        return row.wasNull() ? Optional.empty() : Optional.of(block);
      }
    }
  }

  /** Inclusive block numbers; {@code first > last} is the empty span. */
  record Span(long first, long last) {}
}
