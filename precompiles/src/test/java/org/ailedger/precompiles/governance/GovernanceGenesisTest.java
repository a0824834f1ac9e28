package org.ailedger.precompiles.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.ailedger.precompiles.ContractStorage;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.precompiles.NativeAddresses;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class GovernanceGenesisTest {
  private final InMemorySlotStore store = new InMemorySlotStore();

  private GovernanceParameters parameters() {
    return GovernanceParameters.of(
        ContractStorage.direct(store, NativeAddresses.QUADRATIC_GOVERNOR));
  }

  @Test
  void statedValuesAreSeededAndTheRestKeepTheirDefaultsWithoutASlot() {
    GovernanceGenesis.seed(
        store,
        Map.of(
            Parameter.MAX_REWARD_PER_ROUND, UInt256.valueOf(500),
            Parameter.VOTING_PERIOD, UInt256.valueOf(10)));

    assertThat(parameters().get(Parameter.MAX_REWARD_PER_ROUND)).isEqualTo(UInt256.valueOf(500));
    assertThat(parameters().get(Parameter.VOTING_PERIOD)).isEqualTo(UInt256.valueOf(10));
    assertThat(parameters().get(Parameter.CAP_BPS)).isEqualTo(UInt256.valueOf(1_000));
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void anEmptyGenesisWritesNothing() {
    GovernanceGenesis.seed(store, Map.of());

    assertThat(store.size()).isZero();
  }

  @Test
  void anOutOfBoundsValueIsRefusedBeforeAnythingIsWritten() {
    assertThatThrownBy(
            () ->
                GovernanceGenesis.seed(
                    store,
                    Map.of(
                        Parameter.CAP_BPS, UInt256.valueOf(500),
                        Parameter.QUORUM_BPS, UInt256.valueOf(20_000))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("genesis parameter quorumBps must be between 1 and 10000, got 20000");

    assertThat(store.size()).isZero();
  }

  @Test
  void seedingTwiceIsRefused() {
    GovernanceGenesis.seed(store, Map.of(Parameter.CAP_BPS, UInt256.valueOf(500)));

    assertThatThrownBy(
            () -> GovernanceGenesis.seed(store, Map.of(Parameter.QUORUM_BPS, UInt256.ONE)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("capBps is already set");
    assertThat(parameters().isSet(Parameter.QUORUM_BPS)).isFalse();
  }
}
