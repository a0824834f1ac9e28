package org.ailedger.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpuUsageTest {
  @Test
  void othersAreTheMachineLessTheNodeAndTheGenerator() {
    CpuUsage usage =
        new CpuUsage(
            Duration.ofSeconds(3),
            Optional.of(Duration.ofSeconds(10)),
            Optional.of(Duration.ofSeconds(20)));

    assertThat(usage.others()).contains(Duration.ofSeconds(7));
  }

  @Test
  void withoutTheNodeOrTheMachineOthersAreUnknown() {
    assertThat(
            new CpuUsage(
                    Duration.ofSeconds(3), Optional.empty(), Optional.of(Duration.ofSeconds(20)))
                .others())
        .isEmpty();
    assertThat(
            new CpuUsage(
                    Duration.ofSeconds(3), Optional.of(Duration.ofSeconds(1)), Optional.empty())
                .others())
        .isEmpty();
  }
}
