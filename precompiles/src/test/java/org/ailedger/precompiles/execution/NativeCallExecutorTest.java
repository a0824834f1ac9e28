package org.ailedger.precompiles.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ailedger.precompiles.CallContext;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.precompiles.NativeContracts;
import org.ailedger.precompiles.SlotStore;
import org.ailedger.precompiles.gas.GasSchedule;
import org.ailedger.types.Address;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;

@SuppressWarnings({"rawtypes", "unchecked"})
class NativeCallExecutorTest {
  private static final Address SENDER =
      Address.fromHex("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
  private static final long GAS = 1_000_000;
  private static final GasSchedule SCHEDULE = GasSchedule.DEFAULT;

  private final List<RuntimeException> bugs = new ArrayList<>();
  private final NativeCallExecutor executor =
      new NativeCallExecutor(
          NativeContracts.of(List.of(ToyContract.main(), ToyContract.other())),
          SCHEDULE,
          bugs::add);
  private final InMemorySlotStore store = new InMemorySlotStore();

  private static CallContext context(long gas, UInt256 value) {
    return new CallContext(SENDER, value, 7, 1_700_000_000L, 1337, gas);
  }

  private CallOutcome call(Function function) {
    return call(function, GAS);
  }

  private CallOutcome call(Function function, long gas) {
    return call(Bytes.fromHexString(FunctionEncoder.encode(function)), gas, UInt256.ZERO);
  }

  private CallOutcome call(Bytes input, long gas, UInt256 value) {
    return executor.execute(ToyContract.ADDRESS, context(gas, value), input, store);
  }

  private static Function fn(String name, Type... args) {
    return new Function(name, List.of(args), List.of());
  }

  private static Uint256 uint(long value) {
    return new Uint256(BigInteger.valueOf(value));
  }

  private static Bytes errorString(String reason) {
    byte[] utf8 = reason.getBytes(StandardCharsets.UTF_8);
    int padded = (utf8.length + 31) / 32 * 32;
    return Bytes.concatenate(
        Bytes.fromHexString("0x08c379a0"),
        UInt256.valueOf(32).toBytes(),
        UInt256.valueOf(utf8.length).toBytes(),
        Bytes.wrap(utf8),
        Bytes.wrap(new byte[padded - utf8.length]));
  }

  @Test
  void successfulCallFlushesWritesAndReturnsLogs() {
    CallOutcome outcome = call(fn("set", uint(42)));

    assertThat(outcome.success()).isTrue();
    assertThat(outcome.output()).isEqualTo(Bytes.EMPTY);
    assertThat(outcome.revertReason()).isEmpty();
    assertThat(store.load(ToyContract.ADDRESS, ToyContract.VALUE_SLOT))
        .isEqualTo(UInt256.valueOf(42).toBytes());
    assertThat(outcome.logs())
        .containsExactly(
            new Log(
                ToyContract.ADDRESS,
                List.of(ToyContract.STORED.topic(), SENDER.toWord()),
                UInt256.valueOf(42).toBytes()));
  }

  @Test
  void viewReturnsAbiEncodedResult() {
    call(fn("set", uint(9)));

    CallOutcome outcome = call(fn("get"));

    List<Type> decoded =
        FunctionReturnDecoder.decode(
            outcome.output().toHexString(),
            List.of((TypeReference) new TypeReference<Uint256>() {}));
    assertThat(decoded.get(0).getValue()).isEqualTo(BigInteger.valueOf(9));
  }

  @Test
  void successChargesBaseFunctionSlotWriteAndLogCosts() {
    CallOutcome first = call(fn("set", uint(1)));
    CallOutcome second = call(fn("set", uint(2)));
    CallOutcome clear = call(fn("set", uint(0)));

    long log = SCHEDULE.logCost(2, 32);
    long fixed = SCHEDULE.callBase() + ToyContract.FUNCTION_GAS;
    assertThat(first.gasUsed()).isEqualTo(fixed + SCHEDULE.slotWriteNew() + log);
    assertThat(second.gasUsed()).isEqualTo(fixed + SCHEDULE.slotWriteUpdate() + log);
    assertThat(clear.gasUsed()).isEqualTo(fixed + SCHEDULE.slotWriteUpdate() + log);
    assertThat(store.size()).isZero();
  }

  @Test
  void secondReadOfASlotIsWarm() {
    CallOutcome outcome = call(fn("readTwice"));

    assertThat(outcome.gasUsed())
        .isEqualTo(
            SCHEDULE.callBase()
                + ToyContract.FUNCTION_GAS
                + SCHEDULE.slotReadCold()
                + SCHEDULE.slotReadWarm());
  }

  @Test
  void revertAnswersErrorStringWithTheExactReason() {
    CallOutcome outcome = call(fn("setThenRevert", uint(5)));

    assertThat(outcome.success()).isFalse();
    assertThat(outcome.output()).isEqualTo(errorString("changed my mind"));
    assertThat(outcome.revertReason()).contains("changed my mind");
    assertThat(outcome.logs()).isEmpty();
  }

  @Test
  void revertLeavesStateUntouchedAndChargesGasUpToTheRevert() {
    call(fn("set", uint(1)));
    InMemorySlotStore before = store.copy();

    CallOutcome outcome = call(fn("setThenRevert", uint(5)));

    assertThat(store).isEqualTo(before);
    long log = SCHEDULE.logCost(2, 32);
    assertThat(outcome.gasUsed())
        .isEqualTo(
            SCHEDULE.callBase() + ToyContract.FUNCTION_GAS + SCHEDULE.slotWriteUpdate() + log);
  }

  @Test
  void outOfGasKeepsNothingAndUsesTheWholeLimit() {
    InMemorySlotStore before = store.copy();

    CallOutcome outcome = call(fn("setAndSpin", uint(5)), 100_000);

    assertThat(outcome.success()).isFalse();
    assertThat(outcome.output()).isEqualTo(Bytes.EMPTY);
    assertThat(outcome.gasUsed()).isEqualTo(100_000);
    assertThat(outcome.logs()).isEmpty();
    assertThat(outcome.revertReason()).contains("out of gas");
    assertThat(store).isEqualTo(before);
  }

  @Test
  void gasLimitBelowTheBaseCostIsOutOfGas() {
    CallOutcome outcome = call(fn("get"), SCHEDULE.callBase() - 1);

    assertThat(outcome.success()).isFalse();
    assertThat(outcome.gasUsed()).isEqualTo(SCHEDULE.callBase() - 1);
    assertThat(outcome.output()).isEqualTo(Bytes.EMPTY);
  }

  @Test
  void justEnoughGasSucceeds() {
    long needed = call(fn("set", uint(3))).gasUsed();
    store.store(ToyContract.ADDRESS, ToyContract.VALUE_SLOT, Bytes32.ZERO);

    assertThat(call(fn("set", uint(3)), needed).success()).isTrue();
    store.store(ToyContract.ADDRESS, ToyContract.VALUE_SLOT, Bytes32.ZERO);
    assertThat(call(fn("set", uint(3)), needed - 1).success()).isFalse();
    assertThat(store.size()).isZero();
  }

  @Test
  void valueSentToANonPayableFunctionIsRefused() {
    Bytes input = Bytes.fromHexString(FunctionEncoder.encode(fn("set", uint(1))));

    CallOutcome outcome = call(input, GAS, UInt256.ONE);

    assertThat(outcome.success()).isFalse();
    assertThat(outcome.revertReason())
        .contains("native contracts do not accept value: set(uint256) is not payable");
    assertThat(store.size()).isZero();
  }

  @Test
  void valueSentToAViewIsRefusedToo() {
    Bytes input = Bytes.fromHexString(FunctionEncoder.encode(fn("get")));

    assertThat(call(input, GAS, UInt256.valueOf(5)).revertReason().orElseThrow())
        .startsWith("native contracts do not accept value");
  }

  @Test
  void payableFunctionSeesTheValue() {
    Bytes input = Bytes.fromHexString(FunctionEncoder.encode(fn("deposit")));

    CallOutcome outcome = call(input, GAS, UInt256.valueOf(1234));

    assertThat(outcome.success()).isTrue();
    assertThat(outcome.output()).isEqualTo(UInt256.valueOf(1234).toBytes());
  }

  @Test
  void unknownSelectorRevertsNamingSelectorAndContract() {
    CallOutcome outcome = call(Bytes.fromHexString("0x12345678"), GAS, UInt256.ZERO);

    assertThat(outcome.success()).isFalse();
    assertThat(outcome.output())
        .isEqualTo(errorString("unknown function selector 0x12345678 on Toy"));
  }

  @Test
  void inputShorterThanASelectorReverts() {
    CallOutcome outcome = call(Bytes.fromHexString("0x1234"), GAS, UInt256.ZERO);

    assertThat(outcome.revertReason())
        .contains(
            "missing function selector: a call to Toy needs at least 4 bytes of input, got 2");
  }

  @Test
  void emptyInputReverts() {
    assertThat(call(Bytes.EMPTY, GAS, UInt256.ZERO).success()).isFalse();
  }

  @Test
  void truncatedArgumentsRevertAsMalformed() {
    Bytes input = Bytes.fromHexString(FunctionEncoder.encode(fn("set", uint(1))));

    CallOutcome outcome = call(input.slice(0, input.size() - 1), GAS, UInt256.ZERO);

    assertThat(outcome.output()).isEqualTo(errorString("malformed arguments for set(uint256)"));
  }

  @Test
  void trailingBytesAfterArgumentsAreAccepted() {
    Bytes input = Bytes.fromHexString(FunctionEncoder.encode(fn("set", uint(1))));

    CallOutcome outcome =
        call(Bytes.concatenate(input, Bytes.fromHexString("0xdead")), GAS, UInt256.ZERO);

    assertThat(outcome.success()).isTrue();
  }

  @Test
  void echoRoundTripsEveryArgumentType() {
    List<Type> args =
        List.of(
            new org.web3j.abi.datatypes.Address("0x00000000000000000000000000000000000000ff"),
            new Bool(true),
            new org.web3j.abi.datatypes.generated.Bytes32(Bytes32.fromHexString("0xab").toArray()),
            new Utf8String("héllo, ledger"),
            new DynamicBytes(new byte[] {1, 2, 3}),
            new DynamicArray<>(
                org.web3j.abi.datatypes.Address.class,
                List.of(
                    new org.web3j.abi.datatypes.Address(
                        "0x0000000000000000000000000000000000001000"),
                    new org.web3j.abi.datatypes.Address(
                        "0x0000000000000000000000000000000000001004"))));
    Bytes encodedArgs = Bytes.fromHexString(FunctionEncoder.encodeConstructor(args));
    Bytes input =
        Bytes.fromHexString(FunctionEncoder.encode(new Function("echo", args, List.of())));

    CallOutcome outcome = call(input, GAS, UInt256.ZERO);

    assertThat(outcome.success()).isTrue();
    assertThat(outcome.output()).isEqualTo(encodedArgs);
  }

  @Test
  void viewFunctionSentAsATransactionRunsAndChangesNothing() {
    call(fn("set", uint(8)));
    InMemorySlotStore before = store.copy();

    CallOutcome outcome = call(fn("get"));

    assertThat(outcome.success()).isTrue();
    assertThat(outcome.logs()).isEmpty();
    assertThat(store).isEqualTo(before);
  }

  @Test
  void viewThatWritesIsAnInternalErrorAndKeepsNothing() {
    CallOutcome outcome = call(fn("sneakyView", uint(8)));

    assertThat(outcome.success()).isFalse();
    assertThat(outcome.revertReason()).contains("internal error in Toy");
    assertThat(outcome.gasUsed()).isEqualTo(GAS);
    assertThat(store.size()).isZero();
    assertThat(bugs)
        .singleElement()
        .satisfies(bug -> assertThat(bug).hasMessageContaining("sneakyView"));
  }

  @Test
  void handlerReturningUndeclaredTypesIsAnInternalError() {
    CallOutcome outcome = call(fn("wrongReturn"));

    assertThat(outcome.revertReason()).contains("internal error in Toy");
    assertThat(bugs)
        .singleElement()
        .satisfies(bug -> assertThat(bug).hasMessageContaining("wrongReturn()"));
  }

  @Test
  void contractBugConsumesAllGasAndReachesTheBugListener() {
    CallOutcome outcome = call(fn("crash"));

    assertThat(outcome.success()).isFalse();
    assertThat(outcome.output()).isEqualTo(Bytes.EMPTY);
    assertThat(outcome.gasUsed()).isEqualTo(GAS);
    assertThat(bugs).singleElement().isInstanceOf(IllegalStateException.class);
  }

  @Test
  void reachingANonNativeAddressIsAnInternalError() {
    assertThat(call(fn("touchNowhere")).revertReason()).contains("internal error in Toy");
    assertThat(bugs).singleElement().isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void slotStoreFailurePropagatesUnchanged() {
    IllegalStateException diskFailure = new IllegalStateException("disk on fire");
    SlotStore failing =
        new SlotStore() {
          @Override
          public Bytes32 load(Address contract, Bytes32 slot) {
            throw diskFailure;
          }

          @Override
          public void store(Address contract, Bytes32 slot, Bytes32 value) {
            throw diskFailure;
          }
        };
    Bytes input = Bytes.fromHexString(FunctionEncoder.encode(fn("get")));

    assertThatThrownBy(
            () -> executor.execute(ToyContract.ADDRESS, context(GAS, UInt256.ZERO), input, failing))
        .isSameAs(diskFailure);
    assertThat(bugs).isEmpty();
  }

  @Test
  void writesToAnotherContractCommitTogether() {
    CallOutcome outcome = call(fn("setOther", uint(6), new Bool(false)));

    assertThat(outcome.success()).isTrue();
    assertThat(store.load(ToyContract.ADDRESS, ToyContract.VALUE_SLOT))
        .isEqualTo(UInt256.valueOf(6).toBytes());
    assertThat(store.load(ToyContract.OTHER, ToyContract.VALUE_SLOT))
        .isEqualTo(UInt256.valueOf(6).toBytes());
    assertThat(outcome.logs())
        .extracting(Log::address)
        .containsExactly(ToyContract.ADDRESS, ToyContract.OTHER);
    assertThat(outcome.logs().get(1).topics().get(1)).isEqualTo(ToyContract.ADDRESS.toWord());
  }

  @Test
  void revertAfterWritingAnotherContractDiscardsBoth() {
    CallOutcome outcome = call(fn("setOther", uint(6), new Bool(true)));

    assertThat(outcome.revertReason()).contains("reverted after writing two contracts");
    assertThat(store.size()).isZero();
  }

  @Test
  void anotherContractSeesTheCallingContractAsCaller() {
    CallOutcome outcome = call(fn("callerSeenByOther"));

    assertThat(Address.fromWord(Bytes32.wrap(outcome.output()))).isEqualTo(ToyContract.ADDRESS);
  }

  @Test
  void readsOfAnotherContractSeeItsCommittedState() {
    executor.execute(
        ToyContract.OTHER,
        context(GAS, UInt256.ZERO),
        Bytes.fromHexString(FunctionEncoder.encode(fn("set", uint(77)))),
        store);

    assertThat(call(fn("otherValue")).output()).isEqualTo(UInt256.valueOf(77).toBytes());
  }

  @Test
  void callToANonNativeAddressIsTheNodesBusiness() {
    assertThatThrownBy(
            () ->
                executor.execute(Address.of(0x42), context(GAS, UInt256.ZERO), Bytes.EMPTY, store))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no native contract at");
  }
}
