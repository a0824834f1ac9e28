package org.ailedger.node.consensus.qbft.statemachine;

/**
 * How long this validator's next proposal may spend executing candidates. The configured share of
 * the block period bounds only the proposer's execution, yet a height also waits for every other
 * validator to execute the proposal, for the messages and for storage: under a flood that made a
 * four-validator network's blocks take about two periods. So the budget follows what heights really
 * take: when a proposal of this validator that the budget cut short took longer than a period from
 * its start to its commit, the next one gets proportionally less; when heights are on time, or the
 * budget was not what ended a proposal, it grows back towards the configured share. Used on the
 * consensus thread only.
 */
final class ProposalBudget {
  /** The budget never falls below 1/this of the configured one: a block must still carry work. */
  static final int SMALLEST_SHARE_DIVISOR = 10;

  /** At most this factor of shrinking per height, so one slow height cannot starve the next. */
  private static final double LARGEST_CUT = 0.5;

  /** Growth per on-time height: slow enough that the budget settles instead of swinging. */
  private static final double GROWTH = 1.25;

  private final long configuredNanos;
  private final long smallestNanos;
  private final long periodNanos;
  private long nanos;

  ProposalBudget(long configuredNanos, long periodNanos) {
    if (configuredNanos <= 0 || periodNanos <= 0) {
      throw new IllegalArgumentException("the budget and the block period must be positive");
    }
    this.configuredNanos = configuredNanos;
    this.smallestNanos = Math.max(1, configuredNanos / SMALLEST_SHARE_DIVISOR);
    this.periodNanos = periodNanos;
    this.nanos = configuredNanos;
  }

  long nanos() {
    return nanos;
  }

  /**
   * A proposal of this validator was committed {@code heightNanos} after it started to be built;
   * {@code cutShort} says whether the budget ended its selection with candidates left.
   */
  void committed(long heightNanos, boolean cutShort) {
    if (cutShort && heightNanos > periodNanos) {
      double cut = Math.max(LARGEST_CUT, (double) periodNanos / heightNanos);
      nanos = Math.max(smallestNanos, (long) (nanos * cut));
    } else if (!cutShort || heightNanos < periodNanos) {
      nanos = Math.min(configuredNanos, (long) (nanos * GROWTH) + 1);
    }
  }
}
