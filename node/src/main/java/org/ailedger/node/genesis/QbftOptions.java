package org.ailedger.node.genesis;

/**
 * The {@code config.qbft} section of a Besu-style genesis file: Besu's keys, with Besu's defaults
 * for the message bounds, and our {@code createemptyblocks}.
 *
 * @param blockPeriodSeconds {@code blockperiodseconds}: target seconds between blocks
 * @param emptyBlockPeriodSeconds {@code emptyblockperiodseconds}: a block without transactions is
 *     made only this long after its parent; a value up to the block period (Besu's default 0
 *     included) changes nothing
 * @param epochLength {@code epochlength}: blocks per epoch (votes reset; kept for Besu
 *     compatibility)
 * @param requestTimeoutSeconds {@code requesttimeoutseconds}: QBFT round-0 timeout, doubled on
 *     every round change
 * @param createEmptyBlocks {@code createemptyblocks} (our extension): false, and no block without
 *     transactions is made at all, however long the pool stays empty
 * @param messageQueueLimit {@code messagequeuelimit}: peers' messages waiting for the consensus
 *     thread; more are dropped
 * @param duplicateMessageLimit {@code duplicatemessagelimit}: received messages remembered, so a
 *     repeat is dropped
 * @param gossipedHistoryLimit {@code gossipedhistorylimit}: messages sent remembered, so none goes
 *     out twice
 * @param futureMessagesLimit {@code futuremessageslimit}: messages held for heights not reached yet
 * @param futureMessagesMaxDistance {@code futuremessagesmaxdistance}: how many heights ahead a
 *     message may be held
 */
public record QbftOptions(
    int blockPeriodSeconds,
    int emptyBlockPeriodSeconds,
    long epochLength,
    int requestTimeoutSeconds,
    boolean createEmptyBlocks,
    int messageQueueLimit,
    int duplicateMessageLimit,
    int gossipedHistoryLimit,
    int futureMessagesLimit,
    int futureMessagesMaxDistance) {
  public static final int DEFAULT_BLOCK_PERIOD_SECONDS = 1;
  public static final long DEFAULT_EPOCH_LENGTH = 30_000;
  public static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 4;
  // the bounds are Besu's defaults (JsonBftConfigOptions), so a mixed network agrees on them
  public static final int DEFAULT_MESSAGE_QUEUE_LIMIT = 1000;
  public static final int DEFAULT_DUPLICATE_MESSAGE_LIMIT = 100;
  public static final int DEFAULT_GOSSIPED_HISTORY_LIMIT = 1000;
  public static final int DEFAULT_FUTURE_MESSAGES_LIMIT = 1000;
  public static final int DEFAULT_FUTURE_MESSAGES_MAX_DISTANCE = 10;

  public QbftOptions {
    atLeastOne("blockperiodseconds", blockPeriodSeconds);
    if (emptyBlockPeriodSeconds < 0) {
      throw new IllegalArgumentException(
          "qbft.emptyblockperiodseconds must not be negative, not " + emptyBlockPeriodSeconds);
    }
    atLeastOne("epochlength", epochLength);
    atLeastOne("requesttimeoutseconds", requestTimeoutSeconds);
    atLeastOne("messagequeuelimit", messageQueueLimit);
    atLeastOne("duplicatemessagelimit", duplicateMessageLimit);
    atLeastOne("gossipedhistorylimit", gossipedHistoryLimit);
    atLeastOne("futuremessageslimit", futureMessagesLimit);
    atLeastOne("futuremessagesmaxdistance", futureMessagesMaxDistance);
  }

  /**
   * Every key at its default but the block period, as a new network's genesis writes them; the
   * empty-block period is the block period, so empty blocks come as often as any.
   */
  public static QbftOptions defaults(int blockPeriodSeconds) {
    return new QbftOptions(
        blockPeriodSeconds,
        blockPeriodSeconds,
        DEFAULT_EPOCH_LENGTH,
        DEFAULT_REQUEST_TIMEOUT_SECONDS,
        true,
        DEFAULT_MESSAGE_QUEUE_LIMIT,
        DEFAULT_DUPLICATE_MESSAGE_LIMIT,
        DEFAULT_GOSSIPED_HISTORY_LIMIT,
        DEFAULT_FUTURE_MESSAGES_LIMIT,
        DEFAULT_FUTURE_MESSAGES_MAX_DISTANCE);
  }

  /**
   * When a block without transactions may first be made on a parent of {@code parentTimestamp}, in
   * epoch milliseconds; never ({@link Long#MAX_VALUE}) when {@code createemptyblocks} is false.
   */
  public long emptyBlockDueMillis(long parentTimestamp) {
    return emptyBlockDueMillis(
        parentTimestamp, blockPeriodSeconds, emptyBlockPeriodSeconds, createEmptyBlocks);
  }

  /** The rule of {@link #emptyBlockDueMillis(long)}, for whoever carries these keys elsewhere. */
  public static long emptyBlockDueMillis(
      long parentTimestamp,
      int blockPeriodSeconds,
      int emptyBlockPeriodSeconds,
      boolean createEmptyBlocks) {
    if (!createEmptyBlocks) {
      return Long.MAX_VALUE;
    }
    return (parentTimestamp + Math.max(blockPeriodSeconds, emptyBlockPeriodSeconds)) * 1000L;
  }

  private static void atLeastOne(String key, long value) {
    if (value < 1) {
      throw new IllegalArgumentException("qbft." + key + " must be at least 1, not " + value);
    }
  }
}
