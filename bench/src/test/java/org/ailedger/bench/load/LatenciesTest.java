package org.ailedger.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatenciesTest {
  @Test
  void percentilesUseTheNearestRank() {
    Latencies latencies = new Latencies();
    for (int i = 100; i >= 1; i--) {
      latencies.add(i);
    }
    assertThat(latencies.percentile(50)).isEqualTo(50);
    assertThat(latencies.percentile(95)).isEqualTo(95);
    assertThat(latencies.percentile(99)).isEqualTo(99);
    assertThat(latencies.max()).isEqualTo(100);
  }

  @Test
  void aSingleValueIsEveryPercentile() {
    Latencies latencies = new Latencies();
    latencies.add(7);
    assertThat(latencies.percentile(1)).isEqualTo(7);
    assertThat(latencies.percentile(99)).isEqualTo(7);
  }

  @Test
  void growsBeyondItsFirstCapacityAndCopiesIndependently() {
    Latencies latencies = new Latencies();
    for (int i = 0; i < 5000; i++) {
      latencies.add(i);
    }
    Latencies copy = latencies.copy();
    latencies.add(1_000_000);
    assertThat(copy.count()).isEqualTo(5000);
    assertThat(copy.max()).isEqualTo(4999);
    assertThat(latencies.max()).isEqualTo(1_000_000);
  }

  @Test
  void noValuesHaveNoPercentile() {
    assertThatThrownBy(() -> new Latencies().percentile(50))
        .isInstanceOf(IllegalStateException.class);
  }
}
