package org.ailedger.precompiles.token;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.ailedger.precompiles.CallContext;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.NativeContracts;
import org.ailedger.precompiles.execution.NativeCallExecutor;
import org.ailedger.precompiles.gas.GasSchedule;
import org.ailedger.precompiles.permissions.Permissions;
import org.ailedger.precompiles.permissions.PermissionsGenesis;
import org.ailedger.precompiles.permissions.PermissionsSpec;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * A chain with Permissions, the token and the stand-ins, called the way a client would:
 * web3j-encoded input through the executor at a block number the test chooses, outputs decoded with
 * web3j.
 */
@SuppressWarnings("rawtypes")
final class TokenHarness {
  static final long GAS = 5_000_000;

  final InMemorySlotStore store = new InMemorySlotStore();
  private final NativeCallExecutor executor;
  private long block = 1;

  TokenHarness(PermissionsSpec permissions, Map<Address, UInt256> allocation) {
    this.executor =
        new NativeCallExecutor(
            NativeContracts.of(
                List.of(
                    new Permissions(),
                    new ContributionToken(),
                    StandInContracts.registry(),
                    StandInContracts.governor(),
                    StandInContracts.provenance())),
            GasSchedule.DEFAULT,
            bug -> {
              throw new AssertionError("contract bug", bug);
            });
    PermissionsGenesis.seed(store, permissions);
    TokenGenesis.seed(store, allocation);
  }

  TokenHarness() {
    this(TokenFixtures.PERMISSIONS, TokenFixtures.ALLOCATION);
  }

  /** Later calls run in block {@code number}. */
  TokenHarness atBlock(long number) {
    this.block = number;
    return this;
  }

  long block() {
    return block;
  }

  CallOutcome call(Address to, Address caller, UInt256 value, Bytes input) {
    return executor.execute(
        to, new CallContext(caller, value, block, 1_700_000_000L + block, 1337, GAS), input, store);
  }

  /** A transaction from {@code caller} to the token. */
  CallOutcome token(Address caller, String function, Type... args) {
    return call(ContributionToken.ADDRESS, caller, UInt256.ZERO, encode(function, args));
  }

  /** The registry stand-in minting, as round finalisation will. */
  CallOutcome reward(Address to, long amount) {
    return reward(to, UInt256.valueOf(amount));
  }

  CallOutcome reward(Address to, UInt256 amount) {
    return call(
        NativeAddresses.MODEL_REGISTRY,
        TokenFixtures.AGGREGATOR,
        UInt256.ZERO,
        encode("reward", abi(to), abi(amount)));
  }

  /** An executed governance proposal adding an account. */
  CallOutcome addAccount(Address account, Bytes32 memberId) {
    return call(
        Permissions.ADDRESS,
        Permissions.GOVERNOR,
        UInt256.ZERO,
        encode("addAccount", abi(account), abi(memberId)));
  }

  CallOutcome removeAccount(Address account) {
    return call(
        Permissions.ADDRESS,
        Permissions.GOVERNOR,
        UInt256.ZERO,
        encode("removeAccount", abi(account)));
  }

  static Bytes encode(String function, Type... args) {
    return Bytes.fromHexString(
        FunctionEncoder.encode(new Function(function, List.of(args), List.of())));
  }

  /** Calls a token view returning one uint256 from an arbitrary account. */
  UInt256 viewUint(String function, Type... args) {
    return uint(token(Address.of(0xeeee), function, args));
  }

  UInt256 balanceOf(Address account) {
    return viewUint("balanceOf", abi(account));
  }

  UInt256 totalSupply() {
    return viewUint("totalSupply");
  }

  UInt256 memberBalance(Bytes32 memberId) {
    return viewUint("getMemberBalance", abi(memberId));
  }

  UInt256 quadraticTotal() {
    return viewUint("getQuadraticTotal");
  }

  UInt256 pastBalance(Address account, long at) {
    return viewUint("getPastBalance", abi(account), abi(at));
  }

  UInt256 pastTotalSupply(long at) {
    return viewUint("getPastTotalSupply", abi(at));
  }

  UInt256 pastMemberBalance(Bytes32 memberId, long at) {
    return viewUint("getPastMemberBalance", abi(memberId), abi(at));
  }

  UInt256 pastQuadraticTotal(long at) {
    return viewUint("getPastQuadraticTotal", abi(at));
  }

  /** The single uint256 a successful call returned. */
  static UInt256 uint(CallOutcome outcome) {
    return UInt256.valueOf(
        ((Uint256) decode(outcome, new TypeReference<Uint256>() {}).get(0)).getValue());
  }

  /** The results of a successful call, decoded with web3j. */
  @SuppressWarnings("unchecked")
  static List<Type> decode(CallOutcome outcome, TypeReference<?>... results) {
    if (!outcome.success()) {
      throw new AssertionError("call reverted: " + outcome.revertReason().orElse(""));
    }
    List<TypeReference<Type>> outputs =
        List.of(results).stream().map(r -> (TypeReference<Type>) r).toList();
    return FunctionReturnDecoder.decode(outcome.output().toHexString(), outputs);
  }

  static org.web3j.abi.datatypes.Address abi(Address address) {
    return new org.web3j.abi.datatypes.Address(address.toHexString());
  }

  static org.web3j.abi.datatypes.generated.Bytes32 abi(Bytes32 value) {
    return new org.web3j.abi.datatypes.generated.Bytes32(value.toArray());
  }

  static Uint256 abi(UInt256 value) {
    return new Uint256(value.toBigInteger());
  }

  static Uint256 abi(long value) {
    return new Uint256(BigInteger.valueOf(value));
  }
}
