package org.ailedger.precompiles.gas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GasScheduleTest {
  @Test
  void defaultsFollowEvmMagnitudes() {
    GasSchedule schedule = GasSchedule.DEFAULT;

    assertThat(schedule.slotReadCold()).isEqualTo(2100);
    assertThat(schedule.slotWriteNew()).isEqualTo(20_000);
    assertThat(schedule.slotWriteUpdate()).isEqualTo(5_000);
    assertThat(schedule.slotWriteNew()).isGreaterThan(schedule.slotWriteUpdate());
  }

  @Test
  void logCostIsBasePlusTopicsPlusDataBytes() {
    assertThat(GasSchedule.DEFAULT.logCost(3, 64)).isEqualTo(375 + 3 * 375 + 64 * 8);
    assertThat(GasSchedule.DEFAULT.logCost(0, 0)).isEqualTo(375);
  }

  @Test
  void negativeCostsAreRefused() {
    assertThatThrownBy(() -> new GasSchedule(1, 1, 1, 1, 1, 1, -1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
