package org.ailedger.node.metrics;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fixed-bucket latency histogram that many threads record into without contending: one {@link
 * LongAdder} per bucket and one for the sum, no max and no time window. Recording is a short scan
 * of the bounds and two adds, a few nanoseconds, where Micrometer's timer also keeps a decaying
 * maximum and shares one array of bucket counts between threads.
 *
 * <p>A scrape reads the buckets one after the other while calls go on, so a snapshot may count a
 * call in its bucket and not yet in the sum; the next scrape catches up, and Prometheus's rates
 * over many scrapes do not notice.
 */
final class LatencyHistogram {
  private final long[] upperNanos;
  private final double[] upperSeconds;
  private final LongAdder[] counts;
  private final LongAdder sumNanos = new LongAdder();

  LatencyHistogram(Duration[] bounds) {
    if (bounds.length == 0) {
      throw new IllegalArgumentException("a histogram needs at least one bucket bound");
    }
    upperNanos = new long[bounds.length];
    upperSeconds = new double[bounds.length + 1];
    counts = new LongAdder[bounds.length + 1];
    for (int i = 0; i < bounds.length; i++) {
      upperNanos[i] = bounds[i].toNanos();
      if (upperNanos[i] <= 0 || (i > 0 && upperNanos[i] <= upperNanos[i - 1])) {
        throw new IllegalArgumentException("bucket bounds must be positive and ascending");
      }
      upperSeconds[i] = upperNanos[i] / 1e9;
    }
    upperSeconds[bounds.length] = Double.POSITIVE_INFINITY;
    for (int i = 0; i < counts.length; i++) {
      counts[i] = new LongAdder();
    }
  }

  void record(long nanos) {
    int bucket = 0;
    // Prometheus buckets are inclusive: a value equal to a bound belongs to that bound's bucket
    while (bucket < upperNanos.length && nanos > upperNanos[bucket]) {
      bucket++;
    }
    counts[bucket].increment();
    sumNanos.add(nanos);
  }

  HistogramDataPointSnapshot snapshot(Labels labels) {
    long[] perBucket = new long[counts.length];
    for (int i = 0; i < counts.length; i++) {
      perBucket[i] = counts[i].sum();
    }
    return HistogramDataPointSnapshot.builder()
        .classicHistogramBuckets(ClassicHistogramBuckets.of(upperSeconds, perBucket))
        .sum(sumNanos.sum() / 1e9)
        .labels(labels)
        .build();
  }
}
