package org.ailedger.precompiles.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ailedger.precompiles.CallContext;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.NativeContract;
import org.ailedger.precompiles.NativeContracts;
import org.ailedger.precompiles.execution.NativeCallExecutor;
import org.ailedger.precompiles.gas.GasSchedule;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

/**
 * The governor-only write path, exercised by stand-in contracts: one at the governor's address
 * changing its own parameters, one elsewhere reaching into the governor's storage.
 */
class ParameterChangeTest {
  private record Stand(Address address, String name, UInt256 value) implements NativeContract {
    @Override
    public Bytes call(ContractState state, Bytes input) {
      ContractState governor = state.contract(NativeAddresses.QUADRATIC_GOVERNOR);
      ParameterChange.apply(governor, Parameter.CAP_BPS, value);
      return Bytes.EMPTY;
    }
  }

  private final InMemorySlotStore store = new InMemorySlotStore();
  private final List<RuntimeException> bugs = new ArrayList<>();

  private CallOutcome call(Address to, UInt256 value) {
    NativeCallExecutor executor =
        new NativeCallExecutor(
            NativeContracts.of(
                List.of(
                    new Stand(NativeAddresses.QUADRATIC_GOVERNOR, "governor", value),
                    new Stand(NativeAddresses.MODEL_REGISTRY, "registry", value))),
            GasSchedule.DEFAULT,
            bugs::add);
    return executor.execute(
        to,
        new CallContext(Address.of(0xb1), UInt256.ZERO, 5, 0, 1337, 1_000_000),
        Bytes.EMPTY,
        store);
  }

  private UInt256 capBps() {
    return GovernanceParameters.of(
            org.ailedger.precompiles.ContractStorage.direct(
                store, NativeAddresses.QUADRATIC_GOVERNOR))
        .get(Parameter.CAP_BPS);
  }

  @Test
  void theGovernorChangesAParameterAndAnnouncesBothValues() {
    GovernanceGenesis.seed(store, Map.of(Parameter.CAP_BPS, UInt256.valueOf(1_500)));

    CallOutcome outcome = call(NativeAddresses.QUADRATIC_GOVERNOR, UInt256.valueOf(2_500));

    assertThat(outcome.success()).isTrue();
    assertThat(capBps()).isEqualTo(UInt256.valueOf(2_500));
    assertThat(outcome.logs()).hasSize(1);
    assertThat(outcome.logs().get(0).topics())
        .containsExactly(ParameterChange.PARAMETER_CHANGED.topic(), Parameter.CAP_BPS.key());
    assertThat(outcome.logs().get(0).data())
        .isEqualTo(
            Bytes.concatenate(UInt256.valueOf(1_500).toBytes(), UInt256.valueOf(2_500).toBytes()));
  }

  @Test
  void aValueOutOfBoundsIsRefusedWithTheBound() {
    CallOutcome outcome = call(NativeAddresses.QUADRATIC_GOVERNOR, UInt256.ZERO);

    assertThat(outcome.revertReason()).contains("capBps must be between 1 and 10000, got 0");
    assertThat(capBps()).isEqualTo(Parameter.CAP_BPS.defaultValue());
  }

  @Test
  void anotherContractReachingTheGovernorsStorageCannotWriteIt() {
    CallOutcome outcome = call(NativeAddresses.MODEL_REGISTRY, UInt256.valueOf(2_500));

    assertThat(outcome.success()).isFalse();
    assertThat(bugs).hasSize(1);
    assertThat(bugs.get(0)).hasMessageContaining("only the governor's own call");
    assertThat(capBps()).isEqualTo(Parameter.CAP_BPS.defaultValue());
  }
}
