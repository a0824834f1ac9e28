package org.ailedger.node.execution;

import org.ailedger.node.block.BlockHeader;

/** Runs calls against the state of a committed block and discards every change. */
public interface TransactionSimulator {
  Simulation simulate(CallRequest request, BlockHeader at);

  /**
   * The simulation whose {@link Simulation#totalGas()} is the least gas limit with which the call
   * succeeds. The default fits calls whose cost does not depend on the gas offered.
   */
  default Simulation estimate(CallRequest request, BlockHeader at) {
    return simulate(request, at);
  }
}
