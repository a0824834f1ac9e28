package org.ailedger.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {
  @Test
  void sendersTakeTurnsAtTheTargetRate() {
    Pacer pacer = new Pacer(100, 4); // one transaction every 10 ms, senders 0,1,2,3,0,1,...

    assertThat(pacer.dueNanos(0, 0)).isEqualTo(0);
    assertThat(pacer.dueNanos(1, 0)).isEqualTo(10_000_000);
    assertThat(pacer.dueNanos(0, 1)).isEqualTo(40_000_000);
    assertThat(pacer.dueNanos(3, 2)).isEqualTo(110_000_000);
  }

  @Test
  void dueCountAgreesWithDueTimes() {
    Pacer pacer = new Pacer(250, 7);
    for (int sender = 0; sender < 7; sender++) {
      for (int position = 0; position < 50; position++) {
        long due = pacer.dueNanos(sender, position);
        assertThat(pacer.dueCount(sender, due + 1)).isEqualTo(position + 1);
        if (due > 0) {
          assertThat(pacer.dueCount(sender, due - 1)).isEqualTo(position);
        }
      }
    }
  }

  @Test
  void overOneSecondAllSendersTogetherGetTheRate() {
    Pacer pacer = new Pacer(1000, 64);
    int total = 0;
    for (int sender = 0; sender < 64; sender++) {
      total += pacer.dueCount(sender, 999_999_999L);
    }
    assertThat(total).isEqualTo(1000);
  }

  @Test
  void rateZeroMakesEverythingDueAtOnce() {
    Pacer pacer = new Pacer(0, 3);
    assertThat(pacer.unpaced()).isTrue();
    assertThat(pacer.dueNanos(2, 1_000)).isZero();
    assertThat(pacer.dueCount(2, 0)).isEqualTo(Integer.MAX_VALUE);
  }
}
