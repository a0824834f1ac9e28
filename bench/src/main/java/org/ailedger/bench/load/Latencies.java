package org.ailedger.bench.load;

import java.util.Arrays;

/** Durations in nanoseconds, with nearest-rank percentiles. Not thread-safe. */
public final class Latencies {
  private long[] values = new long[1024];
  private int size;

  public void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  public int count() {
    return size;
  }

  /** Adds every value of this to {@code target}. */
  public void copyInto(Latencies target) {
    for (int i = 0; i < size; i++) {
      target.add(values[i]);
    }
  }

  public Latencies copy() {
    Latencies copy = new Latencies();
    copy.values = Arrays.copyOf(values, Math.max(1, size));
    copy.size = size;
    return copy;
  }

  /**
   * The smallest value that at least {@code percent} % of the values do not exceed (nearest rank).
   *
   * @throws IllegalStateException when there are no values
   */
  public long percentile(double percent) {
    if (size == 0) {
      throw new IllegalStateException("no values");
    }
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("percent must be in (0, 100], got " + percent);
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percent / 100 * size);
    return sorted[Math.max(1, rank) - 1];
  }

  public long max() {
    return percentile(100);
  }
}
