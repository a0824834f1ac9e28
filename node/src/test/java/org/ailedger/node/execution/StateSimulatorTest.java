package org.ailedger.node.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.ailedger.node.app.LedgerBindings;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.genesis.DevnetGenesis;
import org.ailedger.node.genesis.GenesisBlockFactory;
import org.ailedger.node.genesis.GenesisParser;
import org.ailedger.node.genesis.GenesisState;
import org.ailedger.node.genesis.GenesisWriter;
import org.ailedger.node.state.WorldStateArchive;
import org.ailedger.node.storage.InMemoryKeyValueStore;
import org.ailedger.node.storage.WriteBatch;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.NativeContracts;
import org.ailedger.precompiles.execution.NativeCallExecutor;
import org.ailedger.precompiles.gas.GasSchedule;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;

class StateSimulatorTest {
  private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
  private final WorldStateArchive archive = new WorldStateArchive(store);
  private final NativeContracts contracts = NativeContracts.standard();
  private final BlockHeader genesis = genesis();
  private final StateSimulator simulator =
      new StateSimulator(
          archive,
          contracts,
          new NativeCallExecutor(contracts, GasSchedule.DEFAULT),
          1337,
          50_000_000);
  private final Bytes isAllowed =
      Bytes.fromHexString(
          FunctionEncoder.encode(
              new Function(
                  "isAccountAllowed",
                  List.of(new Address(DevAccounts.account(0).address().toHexString())),
                  List.of())));

  private BlockHeader genesis() {
    GenesisState state =
        new GenesisBlockFactory(archive, new LedgerBindings()::seed)
            .create(new GenesisParser().parse(new GenesisWriter().write(DevnetGenesis.spec(1))));
    WriteBatch batch = store.batch();
    state
        .state()
        .nodes()
        .forEach(
            (hash, node) -> batch.put(org.ailedger.node.storage.Column.TRIE_NODES, hash, node));
    batch.commit();
    return state.block().header();
  }

  private Simulation call(OptionalLong gas) {
    return simulator.simulate(
        new CallRequest(
            Optional.empty(),
            Optional.of(NativeAddresses.PERMISSIONS),
            gas,
            UInt256.ZERO,
            isAllowed),
        genesis);
  }

  @Test
  void aViewAnswersFromCommittedState() {
    Simulation result = call(OptionalLong.empty());

    assertThat(result.outcome().success()).isTrue();
    assertThat(result.outcome().output())
        .isEqualTo(Bytes.fromHexString("0x" + "0".repeat(63) + "1"));
    assertThat(result.totalGas()).isGreaterThan(result.intrinsicGas());
  }

  @Test
  void aGasOfZeroMeansNoLimitGivenAsGethTreatsIt() {
    assertThat(call(OptionalLong.of(0)).outcome().success()).isTrue();
  }

  @Test
  void aGasBelowTheIntrinsicCostFailsWithTheReason() {
    Simulation result = call(OptionalLong.of(1000));

    assertThat(result.outcome().success()).isFalse();
    assertThat(result.outcome().revertReason())
        .hasValueSatisfying(r -> assertThat(r).contains("below the intrinsic cost"));
  }
}
