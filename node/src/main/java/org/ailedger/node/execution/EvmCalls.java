package org.ailedger.node.execution;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.ailedger.evm.tx.EvmTransaction;
import org.ailedger.evm.tx.TransactionResult;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.state.MutableWorldState;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.abi.RevertData;
import org.ailedger.types.Address;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * {@code eth_call} and {@code eth_estimateGas} on the EVM. As geth does for a call without a gas
 * price, the fee is zero and the block's base fee is taken as zero, so any sender can call; the
 * call runs in the context of the block it is made at.
 */
final class EvmCalls {
  private final EvmRunner evm;
  private final long chainId;

  EvmCalls(EvmRunner evm, long chainId) {
    this.evm = evm;
    this.chainId = chainId;
  }

  Simulation call(
      MutableWorldState state, CallRequest request, BlockHeader at, long gas, long intrinsic) {
    if (!evm.forks().cancunAt(at.timestamp())) {
      String what =
          request.to().isEmpty()
              ? "contract creation"
              : "a call into the code at " + request.to().get();
      return StateSimulator.failed(
          what + " needs the EVM: " + evm.forks().notActiveReason(at.timestamp()), intrinsic);
    }
    Address from = request.from().orElse(Address.ZERO);
    EvmTransaction tx =
        new EvmTransaction(
            2,
            EvmRunner.toEvm(from),
            request.to().map(EvmRunner::toEvm),
            state.account(from).nonce(),
            gas,
            request.value(),
            request.data(),
            UInt256.ZERO,
            UInt256.ZERO,
            List.of(),
            UInt256.ZERO,
            List.of());
    BlockContext block =
        new BlockContext(
            at.number(), at.timestamp(), at.coinbase(), UInt256.ZERO, at.gasLimit(), chainId);
    return switch (evm.run(state, tx, block)) {
      case TransactionResult.Rejected rejected ->
          StateSimulator.failed(EvmRejections.of(rejected.reason()).message(), intrinsic);
      case TransactionResult.Executed executed -> {
        Optional<String> halt =
            executed.success()
                ? Optional.empty()
                : executed.halt().map(h -> h.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        Optional<String> reason =
            executed.success() || halt.isPresent()
                ? Optional.empty()
                : RevertData.decode(executed.output());
        yield new Simulation(
            new CallOutcome(
                executed.success(),
                executed.output(),
                executed.gasUsed() - intrinsic,
                EvmRunner.toNode(executed.logs()),
                reason),
            intrinsic,
            halt);
      }
    };
  }

  /**
   * The least gas limit with which the call succeeds, by bisection as geth does: the gas a run uses
   * is not enough to offer, because of refunds and the 63/64 kept back by every inner call.
   */
  Simulation estimate(
      Supplier<MutableWorldState> fresh,
      CallRequest request,
      BlockHeader at,
      long gas,
      long intrinsic) {
    Simulation first = call(fresh.get(), request, at, gas, intrinsic);
    if (!first.outcome().success()) {
      return first;
    }
    long failing = first.totalGas() - 1;
    long passing = gas;
    Simulation best = first;
    while (passing - failing > 1) {
      long mid = failing + (passing - failing) / 2;
      Simulation attempt = mid < intrinsic ? null : call(fresh.get(), request, at, mid, intrinsic);
      if (attempt != null && attempt.outcome().success()) {
        passing = mid;
        best = attempt;
      } else {
        failing = mid;
      }
    }
    CallOutcome outcome = best.outcome();
    return new Simulation(
        new CallOutcome(
            true, outcome.output(), passing - intrinsic, outcome.logs(), Optional.empty()),
        intrinsic);
  }
}
