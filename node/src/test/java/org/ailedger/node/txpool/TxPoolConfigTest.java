package org.ailedger.node.txpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TxPoolConfigTest {
  @Test
  void defaultsAreTheDocumentedBounds() {
    assertThat(TxPoolConfig.DEFAULT).isEqualTo(new TxPoolConfig(8192, 256, 256, 10));
  }

  @Test
  void boundsThatCannotWorkAreRefused() {
    assertThatThrownBy(() -> new TxPoolConfig(0, 1, 0, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TxPoolConfig(10, 11, 0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max per sender");
    assertThatThrownBy(() -> new TxPoolConfig(10, 5, -1, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TxPoolConfig(10, 5, 0, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
