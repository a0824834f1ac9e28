package org.ailedger.cli.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.ailedger.node.genesis.DevAccounts;
import org.junit.jupiter.api.Test;

class AcceptanceTest {
  @Test
  void theWeightDefaultsToOne() {
    assertThat(Acceptance.parse("dev:2"))
        .isEqualTo(new Acceptance(DevAccounts.account(2).address(), BigInteger.ONE));
  }

  @Test
  void aWeightFollowsAnEqualsSign() {
    String address = "0x" + "12".repeat(20);

    assertThat(Acceptance.parse(address + "=300").weight()).isEqualTo(BigInteger.valueOf(300));
    assertThat(Acceptance.parse("dev:3=2").contributor())
        .isEqualTo(DevAccounts.account(3).address());
  }

  @Test
  void weightsArePositiveWholeNumbers() {
    assertThatThrownBy(() -> Acceptance.parse("dev:2=0"))
        .hasMessageContaining("positive whole number");
    assertThatThrownBy(() -> Acceptance.parse("dev:2=1.5"))
        .hasMessageContaining("positive whole number");
    assertThatThrownBy(() -> Acceptance.parse("dev:2="))
        .hasMessageContaining("positive whole number");
  }
}
