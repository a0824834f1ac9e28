package org.ailedger.node.genesis;

/**
 * The {@code config.qbft} section of a Besu-style genesis file.
 *
 * @param blockPeriodSeconds target seconds between blocks
 * @param epochLength blocks per epoch (votes reset; kept for Besu compatibility)
 * @param requestTimeoutSeconds QBFT round-0 timeout, doubled on every round change
 * @param createEmptyBlocks whether a block is produced when the pool is empty (our extension)
 */
public record QbftOptions(
    int blockPeriodSeconds,
    long epochLength,
    int requestTimeoutSeconds,
    boolean createEmptyBlocks) {
  public static final int DEFAULT_BLOCK_PERIOD_SECONDS = 1;
  public static final long DEFAULT_EPOCH_LENGTH = 30_000;
  public static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 4;

  public QbftOptions {
    if (blockPeriodSeconds < 1) {
      throw new IllegalArgumentException("qbft.blockperiodseconds must be at least 1");
    }
    if (epochLength < 1) {
      throw new IllegalArgumentException("qbft.epochlength must be at least 1");
    }
    if (requestTimeoutSeconds < 1) {
      throw new IllegalArgumentException("qbft.requesttimeoutseconds must be at least 1");
    }
  }
}
