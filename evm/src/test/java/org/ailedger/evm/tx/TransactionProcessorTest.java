package org.ailedger.evm.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ailedger.evm.frame.BlockContext;
import org.ailedger.evm.frame.ContractAddress;
import org.ailedger.evm.frame.MessageProcessor;
import org.ailedger.evm.state.Address;
import org.ailedger.evm.state.MapStateReader;
import org.ailedger.evm.state.WorldState;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class TransactionProcessorTest {
  private static final Address SENDER =
      Address.fromHexString("0x00000000000000000000000000000000000a11ce");
  private static final Address CONTRACT =
      Address.fromHexString("0x00000000000000000000000000000000c0c0c0c0");
  private static final Address COINBASE =
      Address.fromHexString("0x000000000000000000000000000000000000c0b0");
  private static final BlockContext BLOCK =
      new BlockContext(
          COINBASE,
          1,
          1_000,
          1_000_000_000_000L,
          UInt256.ZERO,
          Bytes32.ZERO,
          UInt256.ONE,
          0,
          n -> Bytes32.ZERO);

  private final TransactionProcessor processor =
      new TransactionProcessor(new MessageProcessor(Map.of()));

  private static EvmTransaction tx(Optional<Address> to, long nonce, long gas, Bytes data) {
    return new EvmTransaction(
        2,
        SENDER,
        to,
        nonce,
        gas,
        UInt256.ZERO,
        data,
        UInt256.ZERO,
        UInt256.ZERO,
        List.of(),
        UInt256.ZERO,
        List.of());
  }

  private static WorldState stateWith(String code) {
    return new WorldState(
        new MapStateReader()
            .account(SENDER, 0, 1_000_000, Bytes.EMPTY)
            .account(CONTRACT, 1, 0, Bytes.fromHexString(code))
            .slot(CONTRACT, 1, 1));
  }

  @Test
  void aColdStoreToAnEmptySlotCostsTheIntrinsicGasPlus22106() {
    WorldState state = stateWith("0x602a60025500"); // SSTORE(2, 42)
    var result =
        processor.process(tx(Optional.of(CONTRACT), 0, 100_000, Bytes.EMPTY), BLOCK, state);

    assertThat(result)
        .isInstanceOfSatisfying(
            TransactionResult.Executed.class,
            r -> assertThat(r.gasUsed()).isEqualTo(21_000 + 3 + 3 + 2_100 + 20_000));
    assertThat(state.storage(CONTRACT, UInt256.valueOf(2))).isEqualTo(UInt256.valueOf(42));
    assertThat(state.nonce(SENDER)).isEqualTo(1);
  }

  @Test
  void clearingASlotRefundsAtMostAFifthOfTheGasUsed() {
    WorldState state = stateWith("0x600060015500"); // SSTORE(1, 0) over the value 1
    var result =
        processor.process(tx(Optional.of(CONTRACT), 0, 100_000, Bytes.EMPTY), BLOCK, state);

    long beforeRefund = 21_000 + 3 + 3 + 2_100 + 2_900;
    assertThat(result)
        .isInstanceOfSatisfying(
            TransactionResult.Executed.class,
            r -> assertThat(r.gasUsed()).isEqualTo(beforeRefund - 4_800));
  }

  @Test
  void revertKeepsTheRemainingGasAndReturnsTheRevertData() {
    WorldState state = stateWith("0x602a60005260206000fd"); // MSTORE(0, 42); REVERT(0, 32)
    var result =
        processor.process(tx(Optional.of(CONTRACT), 0, 100_000, Bytes.EMPTY), BLOCK, state);

    assertThat(result)
        .isInstanceOfSatisfying(
            TransactionResult.Executed.class,
            r -> {
              assertThat(r.success()).isFalse();
              assertThat(r.output()).isEqualTo(UInt256.valueOf(42).toBytes());
              assertThat(r.gasUsed()).isEqualTo(21_000 + 3 + 3 + 6 + 3 + 3);
            });
  }

  @Test
  void aCreationDeploysTheReturnedCodeAtTheSendersNonceAddress() {
    WorldState state = stateWith("0x00");
    // MSTORE8(0, 0x5b); RETURN(0, 1): deploys a single JUMPDEST
    Bytes init = Bytes.fromHexString("0x605b60005360016000f3");
    var result = processor.process(tx(Optional.empty(), 0, 100_000, init), BLOCK, state);

    Address created = ContractAddress.ofCreate(SENDER, 0);
    assertThat(result)
        .isInstanceOfSatisfying(
            TransactionResult.Executed.class,
            r -> assertThat(r.contractAddress()).contains(created));
    assertThat(state.code(created)).isEqualTo(Bytes.fromHexString("0x5b"));
    assertThat(state.nonce(created)).isEqualTo(1);
  }

  @Test
  void aWrongNonceIsRejectedAndChangesNothing() {
    WorldState state = stateWith("0x00");
    var result =
        processor.process(tx(Optional.of(CONTRACT), 5, 100_000, Bytes.EMPTY), BLOCK, state);

    assertThat(result).isEqualTo(new TransactionResult.Rejected(InvalidReason.NONCE_MISMATCH));
    assertThat(state.changeSet().accounts()).isEmpty();
  }

  @Test
  void aContractCallingItselfStopsAtDepth1024WithoutExhaustingTheJavaStack() {
    // counter++ in slot 0, then CALL(gas, self, 0, 0, 0, 0, 0)
    WorldState state = stateWith("0x60005460010160005560006000600060006000305af100");
    var result =
        processor.process(
            tx(Optional.of(CONTRACT), 0, 1_000_000_000_000L, Bytes.EMPTY), BLOCK, state);

    assertThat(result).isInstanceOf(TransactionResult.Executed.class);
    // frames at depths 0..1024 each counted once; the frame at 1024 cannot call further
    assertThat(state.storage(CONTRACT, UInt256.ZERO)).isEqualTo(UInt256.valueOf(1025));
  }

  @Test
  void aFailureOfTheStateReaderReachesTheCallerUnchanged() {
    class UnavailableStore extends RuntimeException {
      private static final long serialVersionUID = 1L;
    }
    MapStateReader committed =
        new MapStateReader()
            .account(SENDER, 0, 1_000_000, Bytes.EMPTY)
            .account(CONTRACT, 1, 0, Bytes.fromHexString("0x600054")); // SLOAD(0)
    WorldState state =
        new WorldState(
            new org.ailedger.evm.state.StateReader() {
              @Override
              public Optional<org.ailedger.evm.state.AccountSnapshot> account(Address address) {
                return committed.account(address);
              }

              @Override
              public UInt256 storage(Address address, UInt256 key) {
                throw new UnavailableStore();
              }

              @Override
              public Bytes code(Bytes32 codeHash) {
                return committed.code(codeHash);
              }

              @Override
              public boolean hasStorage(Address address) {
                return false;
              }
            });

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                processor.process(tx(Optional.of(CONTRACT), 0, 100_000, Bytes.EMPTY), BLOCK, state))
        .isInstanceOf(UnavailableStore.class);
  }
}
