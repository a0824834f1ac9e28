package org.ailedger.node.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.ailedger.evm.hash.Keccak256;
import org.ailedger.node.rpc.TestTransactions;
import org.ailedger.node.state.Account;
import org.ailedger.node.state.MutableWorldState;
import org.ailedger.node.state.WorldStateArchive;
import org.ailedger.node.storage.InMemoryKeyValueStore;
import org.ailedger.node.tx.RejectionReason;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionType;
import org.ailedger.precompiles.NativeContracts;
import org.ailedger.precompiles.execution.NativeCallExecutor;
import org.ailedger.precompiles.gas.GasSchedule;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

/** Which transactions take the EVM path, and what a chain without Cancun says about them. */
class TransactionProcessorEvmTest {
  private static final Address SENDER = Address.of(0xa11ce);
  private static final long CANCUN_TIME = 1_000;

  /** Init code that returns the one-byte runtime 0x00 (STOP). */
  private static final Bytes INIT = Bytes.fromHexString("0x60015ff3");

  private final WorldStateArchive archive = new WorldStateArchive(new InMemoryKeyValueStore());
  private final NativeContracts contracts = NativeContracts.standard();
  private final TransactionProcessor processor =
      new TransactionProcessor(
          contracts,
          new NativeCallExecutor(contracts, GasSchedule.DEFAULT),
          (state, account) -> true,
          new EvmRunner(
              Map.of(),
              new ForkSchedule(
                  OptionalLong.of(0), OptionalLong.of(0), OptionalLong.of(CANCUN_TIME)),
              BlockHashes.NONE,
              contracts::isNative));

  @Test
  void aCreationBeforeCancunTimeIsLeftOutWithTheReason() {
    MutableWorldState state = funded();

    TransactionOutcome outcome = processor.process(state, creation(0), SENDER, block(999), 0);

    TransactionOutcome.Excluded excluded = (TransactionOutcome.Excluded) outcome;
    assertThat(excluded.rejection().reason()).isEqualTo(RejectionReason.EVM_NOT_ENABLED);
    assertThat(excluded.rejection().message())
        .isEqualTo(
            "contract creation needs the EVM: the EVM starts at config.cancunTime 1000, after"
                + " this block's timestamp 999");
    assertThat(state.account(SENDER).nonce()).isZero();
  }

  @Test
  void aCreationFromCancunTimeDeploysItsCodeAndBumpsTheNonce() {
    MutableWorldState state = funded();

    TransactionOutcome outcome = processor.process(state, creation(0), SENDER, block(1_000), 0);

    TransactionOutcome.Included included = (TransactionOutcome.Included) outcome;
    assertThat(included.receipt().success()).isTrue();
    assertThat(state.account(SENDER).nonce()).isEqualTo(1);
    Address created =
        new Address(
            org.ailedger.evm.frame.ContractAddress.ofCreate(
                    new org.ailedger.evm.state.Address(SENDER.bytes()), 0)
                .bytes());
    Account contract = state.account(created);
    assertThat(contract.codeHash()).isEqualTo(Keccak256.hash(Bytes.of(0)));
    assertThat(state.code(contract.codeHash())).isEqualTo(Bytes.of(0));
    assertThat(EvmRunner.handles(state, Optional.of(created))).isTrue();
    assertThat(EvmRunner.handles(state, Optional.of(SENDER))).isFalse();
  }

  @Test
  void anEvmCallThatTouchesANativeContractLeavesItsStorageAlone() {
    Address permissions = Address.of(0x1000);
    MutableWorldState state = funded();
    state.store(permissions, Bytes32.ZERO, Bytes32.leftPad(Bytes.of(9)));
    state.commit();
    // CALL(gas, 0x1000, 0, 0, 0, 0, 0); STOP: the call touches an account with no code, nonce or
    // balance, which EIP-161 deletes at the end of the transaction unless it is a native contract
    Bytes touching = Bytes.fromHexString("0x5f5f5f5f5f611000" + "5af100");

    TransactionOutcome outcome =
        processor.process(state, creation(0, touching), SENDER, block(1_000), 0);

    assertThat(((TransactionOutcome.Included) outcome).receipt().success()).isTrue();
    state.commit();
    assertThat(state.existing(permissions)).isPresent();
    assertThat(state.load(permissions, Bytes32.ZERO)).isEqualTo(Bytes32.leftPad(Bytes.of(9)));
  }

  @Test
  void aChainWithoutTheEvmStillMovesValueToAnAddressWithoutCode() {
    TransactionProcessor noEvm =
        new TransactionProcessor(
            contracts, new NativeCallExecutor(contracts, GasSchedule.DEFAULT), (s, a) -> true);
    MutableWorldState state = funded();
    Address bob = Address.of(0xb0b);

    TransactionOutcome outcome =
        noEvm.process(state, transfer(0, bob, UInt256.valueOf(7)), SENDER, block(5), 0);

    assertThat(outcome).isInstanceOf(TransactionOutcome.Included.class);
    assertThat(state.account(bob).balance()).isEqualTo(UInt256.valueOf(7));
    TransactionOutcome creation = noEvm.process(state, creation(1), SENDER, block(5), 0);
    assertThat(((TransactionOutcome.Excluded) creation).rejection().message())
        .contains("enables no EVM fork (set config.cancunTime)");
  }

  private MutableWorldState funded() {
    MutableWorldState state = archive.mutableAt(Account.EMPTY_TRIE_ROOT);
    state.addBalance(SENDER, UInt256.valueOf(1_000_000_000));
    return state;
  }

  private static BlockContext block(long timestamp) {
    return new BlockContext(1, timestamp, Address.ZERO, UInt256.ZERO, 30_000_000, 1337);
  }

  private static Transaction creation(long nonce) {
    return creation(nonce, INIT);
  }

  private static Transaction creation(long nonce, Bytes initCode) {
    return new Transaction(
        TransactionType.EIP1559,
        OptionalLong.of(1337),
        nonce,
        UInt256.ZERO,
        UInt256.ZERO,
        100_000,
        Optional.empty(),
        UInt256.ZERO,
        initCode,
        List.of(),
        TestTransactions.SIGNATURE);
  }

  private static Transaction transfer(long nonce, Address to, UInt256 value) {
    return new Transaction(
        TransactionType.EIP1559,
        OptionalLong.of(1337),
        nonce,
        UInt256.ZERO,
        UInt256.ZERO,
        21_000,
        Optional.of(to),
        value,
        Bytes.EMPTY,
        List.of(),
        TestTransactions.SIGNATURE);
  }
}
