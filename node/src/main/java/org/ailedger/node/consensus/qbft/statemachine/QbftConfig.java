package org.ailedger.node.consensus.qbft.statemachine;

import java.time.Duration;
import org.ailedger.node.genesis.QbftOptions;

/**
 * Timing and bounds of the QBFT state machine, named as Besu's genesis {@code config.qbft} keys.
 *
 * @param blockPeriodSeconds {@code blockperiodseconds}: a block is due this long after its parent
 * @param emptyBlockPeriodSeconds {@code emptyblockperiodseconds}: a block without transactions is
 *     proposed only this long after its parent (no sooner than the block period)
 * @param createEmptyBlocks {@code createemptyblocks}, our extension: false, and this node never
 *     proposes a block without transactions in round 0
 * @param requestTimeoutSeconds {@code requesttimeoutseconds}: round 0 expires after this, round r
 *     after this × 2^r
 * @param messageQueueLimit {@code messagequeuelimit}: events waiting for the consensus thread
 * @param duplicateMessageLimit {@code duplicatemessagelimit}: received messages remembered to drop
 *     repeats
 * @param gossipedHistoryLimit {@code gossipedhistorylimit}: sent messages remembered so none goes
 *     out twice
 * @param futureMessagesLimit {@code futuremessageslimit}: messages held for heights not reached
 * @param futureMessagesMaxDistance {@code futuremessagesmaxdistance}: how many heights ahead a
 *     message may be held
 */
public record QbftConfig(
    int blockPeriodSeconds,
    int emptyBlockPeriodSeconds,
    boolean createEmptyBlocks,
    int requestTimeoutSeconds,
    int messageQueueLimit,
    int duplicateMessageLimit,
    int gossipedHistoryLimit,
    int futureMessagesLimit,
    int futureMessagesMaxDistance) {
  /** Beyond 2^62 ms a round never expires in practice; the doubling stops there, not overflows. */
  private static final int LAST_DOUBLING = 62;

  public QbftConfig {
    if (blockPeriodSeconds < 1 || requestTimeoutSeconds < 1) {
      throw new IllegalArgumentException("block period and request timeout must be at least 1 s");
    }
    if (emptyBlockPeriodSeconds < 0) {
      throw new IllegalArgumentException("empty block period must not be negative");
    }
    if (messageQueueLimit < 1
        || duplicateMessageLimit < 1
        || gossipedHistoryLimit < 1
        || futureMessagesLimit < 1
        || futureMessagesMaxDistance < 1) {
      throw new IllegalArgumentException("QBFT bounds must be positive");
    }
  }

  /** The genesis {@code config.qbft} timing and bounds. */
  public static QbftConfig from(QbftOptions options) {
    return new QbftConfig(
        options.blockPeriodSeconds(),
        options.emptyBlockPeriodSeconds(),
        options.createEmptyBlocks(),
        options.requestTimeoutSeconds(),
        options.messageQueueLimit(),
        options.duplicateMessageLimit(),
        options.gossipedHistoryLimit(),
        options.futureMessagesLimit(),
        options.futureMessagesMaxDistance());
  }

  /**
   * When round 0 may start without a transaction to include, on a parent of {@code
   * parentTimestamp}, in epoch milliseconds; never ({@link Long#MAX_VALUE}) without {@code
   * createemptyblocks}: the genesis rule, {@link QbftOptions#emptyBlockDueMillis}.
   */
  public long emptyBlockDueMillis(long parentTimestamp) {
    return QbftOptions.emptyBlockDueMillis(
        parentTimestamp, blockPeriodSeconds, emptyBlockPeriodSeconds, createEmptyBlocks);
  }

  /** requesttimeoutseconds × 2^round, without a cap, as Besu's BftRoundExpiryTimeCalculator. */
  public Duration roundTimeout(int round) {
    long base = requestTimeoutSeconds * 1000L;
    if (round >= LAST_DOUBLING || base > (Long.MAX_VALUE >> round)) {
      return Duration.ofMillis(Long.MAX_VALUE);
    }
    return Duration.ofMillis(base << round);
  }
}
