package org.ailedger.precompiles.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.ailedger.precompiles.CallContext;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.NativeContracts;
import org.ailedger.precompiles.abi.RevertData;
import org.ailedger.precompiles.execution.NativeCallExecutor;
import org.ailedger.precompiles.gas.GasSchedule;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;

/** getParameter as clients call it: web3j-encoded through the executor. */
@SuppressWarnings("rawtypes")
class GovernanceParametersContractTest {
  private final InMemorySlotStore store = new InMemorySlotStore();
  private final NativeCallExecutor executor =
      new NativeCallExecutor(
          NativeContracts.of(List.of(new GovernanceParametersContract())),
          GasSchedule.DEFAULT,
          bug -> {
            throw new AssertionError("contract bug", bug);
          });

  private CallOutcome call(String function, Bytes32 name) {
    Bytes input =
        Bytes.fromHexString(
            FunctionEncoder.encode(
                new Function(
                    function,
                    List.of(new org.web3j.abi.datatypes.generated.Bytes32(name.toArray())),
                    List.of())));
    return executor.execute(
        NativeAddresses.QUADRATIC_GOVERNOR,
        new CallContext(Address.of(0xabc), UInt256.ZERO, 5, 1_700_000_000L, 1337, 1_000_000),
        input,
        store);
  }

  @SuppressWarnings("unchecked")
  private List<BigInteger> uints(CallOutcome outcome, int count) {
    assertThat(outcome.success()).as(outcome.revertReason().orElse("")).isTrue();
    List<TypeReference<Type>> outputs =
        java.util.Collections.nCopies(
            count, (TypeReference<Type>) (TypeReference<?>) new TypeReference<Uint256>() {});
    return FunctionReturnDecoder.decode(outcome.output().toHexString(), outputs).stream()
        .map(value -> (BigInteger) value.getValue())
        .toList();
  }

  @Test
  void getParameterAnswersDefaultsAndGenesisValues() {
    GovernanceGenesis.seed(store, Map.of(Parameter.CAP_BPS, UInt256.valueOf(750)));

    assertThat(uints(call("getParameter", Parameter.CAP_BPS.key()), 1))
        .containsExactly(BigInteger.valueOf(750));
    assertThat(uints(call("getParameter", Parameter.QUORUM_BPS.key()), 1))
        .containsExactly(BigInteger.valueOf(2_000));
  }

  @Test
  void getParameterBoundsAnswersMinAndMax() {
    assertThat(uints(call("getParameterBounds", Parameter.CAP_BPS.key()), 2))
        .containsExactly(BigInteger.ONE, BigInteger.valueOf(10_000));
  }

  @Test
  void anUnknownNameRevertsListingTheKnownOnes() {
    CallOutcome outcome = call("getParameter", Bytes32.ZERO);

    assertThat(outcome.success()).isFalse();
    String reason = RevertData.decode(outcome.output()).orElseThrow();
    assertThat(reason)
        .startsWith("unknown governance parameter 0x0000")
        .contains(
            "capBps, quorumBps, votingDelay, votingPeriod, timelockBlocks, proposalThreshold,"
                + " maxRewardPerRound");
  }

  @Test
  void getParameterHasTheDesignSelector() {
    Bytes expected = Bytes.fromHexString(Hash.sha3String("getParameter(bytes32)")).slice(0, 4);

    assertThat(new GovernanceParametersContract().functions().bySelector(expected)).isPresent();
  }
}
