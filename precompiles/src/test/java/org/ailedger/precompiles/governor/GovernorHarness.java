package org.ailedger.precompiles.governor;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.ailedger.precompiles.CallContext;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.precompiles.NativeContracts;
import org.ailedger.precompiles.execution.NativeCallExecutor;
import org.ailedger.precompiles.gas.GasSchedule;
import org.ailedger.precompiles.governance.GovernanceGenesis;
import org.ailedger.precompiles.governance.Parameter;
import org.ailedger.precompiles.permissions.Permissions;
import org.ailedger.precompiles.permissions.PermissionsGenesis;
import org.ailedger.precompiles.permissions.PermissionsSpec;
import org.ailedger.precompiles.token.ContributionToken;
import org.ailedger.precompiles.token.TokenGenesis;
import org.ailedger.types.Address;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * A chain with Permissions, the ContributionToken and the governor, seeded the way a genesis file
 * seeds them, called the way a client calls: web3j-encoded input through the executor at a chosen
 * block, outputs and logs decoded with web3j. Every call runs against the same store, so a test
 * walks a proposal through its blocks by raising {@link #block}.
 */
@SuppressWarnings("rawtypes")
final class GovernorHarness {
  static final long GAS = 10_000_000;
  static final Address GOVERNOR = QuadraticGovernor.ADDRESS;
  static final Address TOKEN = ContributionToken.ADDRESS;

  final InMemorySlotStore store = new InMemorySlotStore();
  private final NativeCallExecutor executor =
      new NativeCallExecutor(
          NativeContracts.of(
              List.of(new Permissions(), new ContributionToken(), new QuadraticGovernor())),
          GasSchedule.DEFAULT,
          bug -> {
            throw new AssertionError("contract bug", bug);
          });

  /** The block the next call runs in. */
  long block = 1;

  GovernorHarness(
      PermissionsSpec permissions,
      Map<Address, UInt256> allocation,
      Map<Parameter, UInt256> parameters) {
    PermissionsGenesis.seed(store, permissions);
    TokenGenesis.seed(store, allocation);
    GovernanceGenesis.seed(store, parameters);
  }

  /** 10^18 base units per token. */
  static UInt256 tokens(long whole) {
    return UInt256.valueOf(BigInteger.valueOf(whole).multiply(BigInteger.TEN.pow(18)));
  }

  static Bytes32 member(String name) {
    return Bytes32.rightPad(Bytes.wrap(name.getBytes(StandardCharsets.US_ASCII)));
  }

  CallOutcome call(Address to, Address caller, String function, Type... args) {
    Bytes input =
        Bytes.fromHexString(
            FunctionEncoder.encode(new Function(function, List.of(args), List.of())));
    return executor.execute(
        to,
        new CallContext(caller, UInt256.ZERO, block, 1_700_000_000L + block, 1337, GAS),
        input,
        store);
  }

  CallOutcome governor(Address caller, String function, Type... args) {
    return call(GOVERNOR, caller, function, args);
  }

  /** Calls and asserts success, for steps that set a scene. */
  CallOutcome ok(Address to, Address caller, String function, Type... args) {
    CallOutcome outcome = call(to, caller, function, args);
    assertThat(outcome.success())
        .as("%s should succeed but reverted with: %s", function, outcome.revertReason())
        .isTrue();
    return outcome;
  }

  CallOutcome propose(Address proposer, ProposalKind kind, Bytes payload, String description) {
    return governor(
        proposer,
        "propose",
        new Uint8(kind.code()),
        new DynamicBytes(payload.toArray()),
        new Utf8String(description));
  }

  /** Proposes and returns the new id. */
  long proposeOk(Address proposer, ProposalKind kind, Bytes payload) {
    CallOutcome outcome = propose(proposer, kind, payload, "test proposal");
    assertThat(outcome.success()).as("propose: %s", outcome.revertReason()).isTrue();
    return ((BigInteger)
            decode(outcome.output(), new TypeReference<Uint256>() {}).get(0).getValue())
        .longValueExact();
  }

  CallOutcome vote(Address voter, long proposalId, Support support) {
    return governor(voter, "castVote", uint(proposalId), new Uint8(support.code()));
  }

  CallOutcome execute(Address caller, long proposalId) {
    return governor(caller, "execute", uint(proposalId));
  }

  CallOutcome cancel(Address caller, long proposalId) {
    return governor(caller, "cancel", uint(proposalId));
  }

  ProposalState state(long proposalId) {
    int code = viewUint(GOVERNOR, "state", uint(proposalId)).intValueExact();
    for (ProposalState state : ProposalState.values()) {
      if (state.code() == code) {
        return state;
      }
    }
    throw new AssertionError("unknown state code " + code);
  }

  /** Against, for, abstain. */
  List<BigInteger> votes(long proposalId) {
    CallOutcome outcome = ok(GOVERNOR, Address.of(0xeeee), "proposalVotes", uint(proposalId));
    return decode(
            outcome.output(),
            new TypeReference<Uint256>() {},
            new TypeReference<Uint256>() {},
            new TypeReference<Uint256>() {})
        .stream()
        .map(t -> (BigInteger) t.getValue())
        .toList();
  }

  BigInteger votingPower(Address account, long atBlock) {
    return viewUint(GOVERNOR, "votingPower", address(account), uint(atBlock));
  }

  BigInteger parameter(Parameter parameter) {
    return viewUint(GOVERNOR, "getParameter", bytes32(parameter.key()));
  }

  boolean hasVoted(long proposalId, Bytes32 member) {
    CallOutcome outcome =
        ok(GOVERNOR, Address.of(0xeeee), "hasVoted", uint(proposalId), bytes32(member));
    return ((Bool) decode(outcome.output(), new TypeReference<Bool>() {}).get(0)).getValue();
  }

  List<Type> proposal(long proposalId) {
    CallOutcome outcome = ok(GOVERNOR, Address.of(0xeeee), "getProposal", uint(proposalId));
    return decode(
        outcome.output(),
        new TypeReference<org.web3j.abi.datatypes.Address>() {},
        new TypeReference<org.web3j.abi.datatypes.generated.Bytes32>() {},
        new TypeReference<Uint8>() {},
        new TypeReference<DynamicBytes>() {},
        new TypeReference<Utf8String>() {},
        new TypeReference<Uint64>() {},
        new TypeReference<Uint64>() {},
        new TypeReference<Uint64>() {},
        new TypeReference<Uint64>() {},
        new TypeReference<Uint256>() {},
        new TypeReference<Uint256>() {},
        new TypeReference<Uint256>() {});
  }

  BigInteger viewUint(Address to, String function, Type... args) {
    CallOutcome outcome = ok(to, Address.of(0xeeee), function, args);
    return (BigInteger) decode(outcome.output(), new TypeReference<Uint256>() {}).get(0).getValue();
  }

  boolean viewBool(Address to, String function, Type... args) {
    CallOutcome outcome = ok(to, Address.of(0xeeee), function, args);
    return ((Bool) decode(outcome.output(), new TypeReference<Bool>() {}).get(0)).getValue();
  }

  /** Moves tokens between accounts in the current block. */
  void transfer(Address from, Address to, UInt256 amount) {
    ok(TOKEN, from, "transfer", address(to), new Uint256(amount.toBigInteger()));
  }

  /** The logs of {@code outcome} with topic 0 {@code topic}. */
  static List<Log> logs(CallOutcome outcome, Bytes32 topic) {
    return outcome.logs().stream().filter(log -> log.topics().get(0).equals(topic)).toList();
  }

  @SafeVarargs
  @SuppressWarnings("unchecked")
  static List<Type> decode(Bytes data, TypeReference<? extends Type>... types) {
    List<TypeReference<Type>> references =
        java.util.Arrays.stream(types).map(t -> (TypeReference<Type>) t).toList();
    return FunctionReturnDecoder.decode(data.toHexString(), references);
  }

  static Uint256 uint(long value) {
    return new Uint256(BigInteger.valueOf(value));
  }

  static org.web3j.abi.datatypes.Address address(Address address) {
    return new org.web3j.abi.datatypes.Address(address.toHexString());
  }

  static org.web3j.abi.datatypes.generated.Bytes32 bytes32(Bytes32 value) {
    return new org.web3j.abi.datatypes.generated.Bytes32(value.toArray());
  }

  /** The ABI encoding of a payload's parameters, as a client builds it. */
  static Bytes payload(Type... values) {
    return Bytes.fromHexString(FunctionEncoder.encodeConstructor(List.of(values)));
  }
}
