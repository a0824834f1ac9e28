package org.ailedger.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
  private final LatencyHistogram histogram =
      new LatencyHistogram(new Duration[] {Duration.ofMillis(1), Duration.ofMillis(10)});

  @Test
  void aValueOnABoundCountsInThatBoundsBucket() {
    histogram.record(TimeUnit.MILLISECONDS.toNanos(1));
    histogram.record(TimeUnit.MILLISECONDS.toNanos(1) + 1);
    histogram.record(TimeUnit.SECONDS.toNanos(3));

    HistogramDataPointSnapshot snapshot = histogram.snapshot(Labels.EMPTY);
    ClassicHistogramBuckets buckets = snapshot.getClassicBuckets();
    assertThat(buckets.getUpperBound(0)).isEqualTo(0.001);
    assertThat(buckets.getCount(0)).isEqualTo(1);
    assertThat(buckets.getCount(1)).isEqualTo(1);
    assertThat(buckets.getUpperBound(2)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(buckets.getCount(2)).isEqualTo(1);
    assertThat(snapshot.getSum()).isEqualTo(3.002000001);
  }

  @Test
  void threadsRecordingAtOnceLoseNothing() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      threads.submit(
          () -> {
            for (int i = 0; i < 10_000; i++) {
              histogram.record(500_000);
            }
          });
    }
    threads.shutdown();
    assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(histogram.snapshot(Labels.EMPTY).getClassicBuckets().getCount(0)).isEqualTo(40_000);
  }

  @Test
  void boundsMustBePositiveAndAscending() {
    assertThatThrownBy(
            () -> new LatencyHistogram(new Duration[] {Duration.ofMillis(5), Duration.ofMillis(1)}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LatencyHistogram(new Duration[] {Duration.ZERO}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
