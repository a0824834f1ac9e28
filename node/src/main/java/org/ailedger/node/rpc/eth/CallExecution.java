package org.ailedger.node.rpc.eth;

import java.util.Optional;
import java.util.OptionalLong;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.execution.CallRequest;
import org.ailedger.node.execution.Simulation;
import org.ailedger.node.execution.TransactionSimulator;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcException;
import org.ailedger.node.rpc.json.Hex;
import org.ailedger.node.rpc.params.CallParser;
import org.ailedger.node.rpc.params.HexParser;
import org.ailedger.node.rpc.params.RpcParams;
import org.ailedger.precompiles.CallOutcome;

/**
 * What eth_call and eth_estimateGas share: parse {@code (call, block)}, cap the gas, simulate, and
 * turn a revert into geth's error (code 3, "execution reverted: reason", revert bytes as data),
 * which ethers, viem and cast decode; an EVM halt (out of gas, invalid opcode) is -32000.
 */
final class CallExecution {
  private final ChainReader chain;
  private final TransactionSimulator simulator;
  private final long gasCap;

  CallExecution(ChainReader chain, TransactionSimulator simulator, long gasCap) {
    this.chain = chain;
    this.simulator = simulator;
    this.gasCap = gasCap;
  }

  /** Runs the call; a failed call throws the revert error. */
  Simulation run(RpcParams params) {
    return run(params, false);
  }

  /** The least gas the call succeeds with; a failed call throws the revert error. */
  Simulation estimate(RpcParams params) {
    return run(params, true);
  }

  private Simulation run(RpcParams params, boolean estimate) {
    if (params.has(2)) {
      throw HexParser.invalid(
          RpcParams.where(2, "state overrides"), "state overrides are not supported");
    }
    params.expectAtMost(3);
    CallParser.ParsedCall call =
        CallParser.call(params.required(0, "call"), RpcParams.where(0, "call"));
    BlockHeader header = params.blockNumberTagOrHash(1, "block").requireHeader(chain);
    long gas = Math.min(call.gas().orElse(header.gasLimit()), gasCap);
    CallRequest request =
        new CallRequest(call.from(), call.to(), OptionalLong.of(gas), call.value(), call.data());
    Simulation simulation =
        estimate ? simulator.estimate(request, header) : simulator.simulate(request, header);
    if (simulation.halt().isPresent()) {
      // as geth: an exceptional halt is no revert, so it is -32000 with what happened, no data
      throw new RpcException(
          RpcError.EXECUTION_HALTED,
          RpcError.EXECUTION_HALTED.phrase() + ": " + simulation.halt().get());
    }
    if (!simulation.outcome().success()) {
      throw reverted(simulation.outcome());
    }
    return simulation;
  }

  static RpcException reverted(CallOutcome outcome) {
    String message =
        outcome
            .revertReason()
            .filter(reason -> !reason.isEmpty())
            .map(reason -> RpcError.EXECUTION_REVERTED.phrase() + ": " + reason)
            .orElse(RpcError.EXECUTION_REVERTED.phrase());
    return new RpcException(
        RpcError.EXECUTION_REVERTED, message, Optional.of(Hex.data(outcome.output())));
  }
}
