package org.ailedger.indexer.ingest;

import java.time.Duration;

/**
 * How the ingester paces itself.
 *
 * @param maxBlocksPerBatch the widest block range one {@code eth_getLogs} asks for and one
 *     transaction commits; below the node's log range limit (5000 by default)
 * @param pollInterval how long to wait for a new block once caught up
 * @param minBackoff the first wait after a failure
 * @param maxBackoff the longest wait between retries; waits double up to it
 */
public record IngestConfig(
    int maxBlocksPerBatch, Duration pollInterval, Duration minBackoff, Duration maxBackoff) {
  public static final int DEFAULT_MAX_BLOCKS_PER_BATCH = 1000;
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);
  public static final Duration DEFAULT_MIN_BACKOFF = Duration.ofMillis(250);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

  public IngestConfig {
    if (maxBlocksPerBatch < 1) {
      throw new IllegalArgumentException("maxBlocksPerBatch < 1: " + maxBlocksPerBatch);
    }
    requirePositive(pollInterval, "pollInterval");
    requirePositive(minBackoff, "minBackoff");
    requirePositive(maxBackoff, "maxBackoff");
    if (maxBackoff.compareTo(minBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff is below minBackoff");
    }
  }

  public static IngestConfig defaults() {
    return new IngestConfig(
        DEFAULT_MAX_BLOCKS_PER_BATCH,
        DEFAULT_POLL_INTERVAL,
        DEFAULT_MIN_BACKOFF,
        DEFAULT_MAX_BACKOFF);
  }

  /** The wait before retry number {@code attempt} (1 for the first): doubling, capped. */
  public Duration backoff(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt < 1: " + attempt);
    }
    Duration wait = minBackoff;
    for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }

  private static void requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
