package org.ailedger.precompiles.gas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GasMeterTest {
  @Test
  void chargesAccumulateUpToTheLimit() {
    GasMeter meter = new GasMeter(100);

    meter.charge(60);
    meter.charge(40);

    assertThat(meter.used()).isEqualTo(100);
    assertThat(meter.remaining()).isZero();
  }

  @Test
  void chargeBeyondTheLimitThrowsAndSpendsNothing() {
    GasMeter meter = new GasMeter(100);
    meter.charge(70);

    assertThatThrownBy(() -> meter.charge(31))
        .isInstanceOfSatisfying(
            OutOfGas.class,
            e -> {
              assertThat(e.needed()).isEqualTo(31);
              assertThat(e.remaining()).isEqualTo(30);
            })
        .hasMessage("out of gas: needed 31, 30 left");
    assertThat(meter.used()).isEqualTo(70);
  }

  @Test
  void hugeChargeDoesNotOverflow() {
    GasMeter meter = new GasMeter(Long.MAX_VALUE);
    meter.charge(Long.MAX_VALUE - 1);

    assertThatThrownBy(() -> meter.charge(Long.MAX_VALUE)).isInstanceOf(OutOfGas.class);
  }

  @Test
  void negativeChargeOrLimitIsABug() {
    assertThatThrownBy(() -> new GasMeter(10).charge(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GasMeter(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
