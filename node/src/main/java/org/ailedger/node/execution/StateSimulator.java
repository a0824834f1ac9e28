package org.ailedger.node.execution;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.state.WorldStateArchive;
import org.ailedger.node.tx.Signature;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionType;
import org.ailedger.node.tx.TransactionValidator;
import org.ailedger.precompiles.CallContext;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.NativeContracts;
import org.ailedger.precompiles.execution.NativeCallExecutor;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * {@code eth_call} and {@code eth_estimateGas}: the call runs on a private copy of a committed
 * state, which is then dropped. The allowlist is not applied, so anyone may read views; a
 * transaction from a non-permitted sender is still refused by the pool. Calls to native contracts
 * run in Java; creations and calls to code run on the EVM.
 */
public final class StateSimulator implements TransactionSimulator {
  private final WorldStateArchive archive;
  private final NativeContracts contracts;
  private final NativeCallExecutor executor;
  private final EvmCalls evm;
  private final long chainId;
  private final long gasCap;

  /** A simulator for a chain without the EVM. */
  public StateSimulator(
      WorldStateArchive archive,
      NativeContracts contracts,
      NativeCallExecutor executor,
      long chainId,
      long gasCap) {
    this(archive, contracts, executor, EvmRunner.disabled(), chainId, gasCap);
  }

  public StateSimulator(
      WorldStateArchive archive,
      NativeContracts contracts,
      NativeCallExecutor executor,
      EvmRunner evm,
      long chainId,
      long gasCap) {
    this.archive = archive;
    this.contracts = contracts;
    this.executor = executor;
    this.evm = new EvmCalls(evm, chainId);
    this.chainId = chainId;
    this.gasCap = gasCap;
  }

  @Override
  public Simulation simulate(CallRequest request, BlockHeader at) {
    return run(request, at, false);
  }

  @Override
  public Simulation estimate(CallRequest request, BlockHeader at) {
    return run(request, at, true);
  }

  private Simulation run(CallRequest request, BlockHeader at, boolean estimate) {
    long intrinsic = TransactionValidator.intrinsicGas(asTransaction(request));
    // as geth does, a gas of 0 means "not given": web3j sends 0x0 when the caller set no limit
    long requested =
        request.gas().isPresent() && request.gas().getAsLong() > 0
            ? request.gas().getAsLong()
            : at.gasLimit();
    long gas = Math.min(requested, Math.min(at.gasLimit(), gasCap));
    if (gas < intrinsic) {
      return failed("gas " + gas + " is below the intrinsic cost " + intrinsic, intrinsic);
    }
    boolean nativeCall = request.to().isPresent() && contracts.isNative(request.to().get());
    if (!nativeCall && EvmRunner.handles(archive.mutableAt(at.stateRoot()), request.to())) {
      return estimate
          ? evm.estimate(() -> archive.mutableAt(at.stateRoot()), request, at, gas, intrinsic)
          : evm.call(archive.mutableAt(at.stateRoot()), request, at, gas, intrinsic);
    }
    Address to = request.to().get();
    Address from = request.from().orElse(Address.ZERO);
    if (!contracts.isNative(to)) {
      return new Simulation(
          new CallOutcome(true, Bytes.EMPTY, 0, List.of(), Optional.empty()), intrinsic);
    }
    CallContext context =
        new CallContext(
            from, request.value(), at.number() + 1, at.timestamp(), chainId, gas - intrinsic);
    CallOutcome outcome =
        executor.execute(to, context, request.data(), archive.mutableAt(at.stateRoot()));
    return new Simulation(outcome, intrinsic);
  }

  static Simulation failed(String reason, long intrinsic) {
    return new Simulation(
        new CallOutcome(false, Bytes.EMPTY, 0, List.of(), Optional.of(reason)), intrinsic);
  }

  /** Intrinsic gas depends only on the payload, so an unsigned stand-in prices it exactly. */
  private Transaction asTransaction(CallRequest request) {
    return new Transaction(
        TransactionType.EIP1559,
        OptionalLong.of(chainId),
        0,
        UInt256.ZERO,
        UInt256.ZERO,
        0,
        request.to(),
        request.value(),
        request.data(),
        List.of(),
        new Signature(BigInteger.ONE, BigInteger.ONE, 0));
  }
}
