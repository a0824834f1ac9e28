package org.ailedger.precompiles.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.ailedger.precompiles.ContractStorage;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.precompiles.NativeAddresses;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

class GovernanceParametersTest {
  private final InMemorySlotStore store = new InMemorySlotStore();
  private final GovernanceParameters parameters =
      GovernanceParameters.of(ContractStorage.direct(store, NativeAddresses.QUADRATIC_GOVERNOR));

  @Test
  void anUnsetParameterReadsAsItsDefault() {
    for (Parameter parameter : Parameter.values()) {
      assertThat(parameters.get(parameter)).isEqualTo(parameter.defaultValue());
      assertThat(parameters.isSet(parameter)).isFalse();
    }
  }

  @Test
  void aSetValueIsStoredUnderKeccakOfNameAndSlotZero() {
    parameters.set(Parameter.QUORUM_BPS, UInt256.valueOf(3_300));

    Bytes name = Bytes.wrap("quorumBps".getBytes(StandardCharsets.US_ASCII));
    Bytes32 expectedSlot =
        Bytes32.wrap(
            Hash.sha3(Bytes.concatenate(Bytes32.rightPad(name), Bytes32.ZERO).toArrayUnsafe()));
    assertThat(store.slotsOf(NativeAddresses.QUADRATIC_GOVERNOR))
        .containsExactly(java.util.Map.entry(expectedSlot, UInt256.valueOf(3_300).toBytes()));
    assertThat(parameters.get(Parameter.QUORUM_BPS)).isEqualTo(UInt256.valueOf(3_300));
    assertThat(parameters.isSet(Parameter.QUORUM_BPS)).isTrue();
    assertThat(parameters.get(Parameter.CAP_BPS)).isEqualTo(Parameter.CAP_BPS.defaultValue());
  }

  @Test
  void anOutOfBoundsValueIsABugAndWritesNothing() {
    assertThatThrownBy(() -> parameters.set(Parameter.CAP_BPS, UInt256.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capBps must be between 1 and 10000, got 0");

    assertThat(store.size()).isZero();
  }
}
