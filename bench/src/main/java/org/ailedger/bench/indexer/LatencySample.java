package org.ailedger.bench.indexer;

import java.util.Arrays;

/**
 * Latencies of one measurement, kept whole up to a bound (so a run cannot exhaust the heap) and
 * read as percentiles. Not thread-safe: each client thread keeps its own and they are merged.
 */
final class LatencySample {
  /** The most latencies one sample keeps; later ones are counted but not kept. */
  static final int MAX_KEPT = 2_000_000;

  private long[] nanos = new long[1024];
  private int size;
  private long dropped;

  void add(long latencyNanos) {
    if (size == MAX_KEPT) {
      dropped++;
      return;
    }
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, Math.min(MAX_KEPT, size * 2));
    }
    nanos[size++] = latencyNanos;
  }

  void addAll(LatencySample other) {
    for (int i = 0; i < other.size; i++) {
      add(other.nanos[i]);
    }
    dropped += other.dropped;
  }

  int count() {
    return size;
  }

  long dropped() {
    return dropped;
  }

  /** The {@code p}-th percentile (0 < p <= 100) in milliseconds, nearest rank. */
  double percentileMillis(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
  }
}
