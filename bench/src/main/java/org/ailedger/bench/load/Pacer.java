package org.ailedger.bench.load;

/**
 * When each transaction is due under a target rate over all senders. Sender {@code s}'s transaction
 * {@code i} is due {@code (i·senders + s) / rate} seconds after the start, so senders take turns
 * evenly instead of bursting together. A rate of 0 makes everything due at once.
 */
public record Pacer(double rate, int senders) {
  private static final double NANOS_PER_SECOND = 1e9;

  public Pacer {
    if (!(rate >= 0) || senders < 1) {
      throw new IllegalArgumentException("rate must be >= 0 and senders >= 1");
    }
  }

  public boolean unpaced() {
    return rate == 0;
  }

  /** Nanoseconds after the start at which {@code position} of {@code sender} is due. */
  public long dueNanos(int sender, int position) {
    if (unpaced()) {
      return 0;
    }
    return (long) (((double) position * senders + sender) / rate * NANOS_PER_SECOND);
  }

  /** How many of {@code sender}'s transactions are due {@code elapsedNanos} after the start. */
  public int dueCount(int sender, long elapsedNanos) {
    if (unpaced()) {
      return Integer.MAX_VALUE;
    }
    double slots = elapsedNanos / NANOS_PER_SECOND * rate; // turns of all senders so far
    if (slots < sender) {
      return 0;
    }
    double count = Math.floor((slots - sender) / senders) + 1;
    return count >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) count;
  }
}
