package org.ailedger.bench.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencySampleTest {
  @Test
  void percentilesAreNearestRankInMilliseconds() {
    LatencySample sample = new LatencySample();
    for (int ms = 100; ms >= 1; ms--) {
      sample.add(ms * 1_000_000L);
    }

    assertThat(sample.count()).isEqualTo(100);
    assertThat(sample.percentileMillis(50)).isEqualTo(50.0);
    assertThat(sample.percentileMillis(99)).isEqualTo(99.0);
    assertThat(sample.percentileMillis(100)).isEqualTo(100.0);
  }

  @Test
  void mergedSamplesKeepEveryLatency() {
    LatencySample a = new LatencySample();
    LatencySample b = new LatencySample();
    a.add(1_000_000);
    b.add(3_000_000);
    b.add(2_000_000);

    a.addAll(b);

    assertThat(a.count()).isEqualTo(3);
    assertThat(a.percentileMillis(50)).isEqualTo(2.0);
  }

  @Test
  void anEmptySampleHasNoPercentile() {
    assertThat(new LatencySample().percentileMillis(99)).isNaN();
  }

  @Test
  void theMedianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
    assertThat(Medians.of(List.of(9_205.0, 12_165.0, 9_443.0))).isEqualTo(9_443.0);
    assertThat(Medians.of(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
  }
}
