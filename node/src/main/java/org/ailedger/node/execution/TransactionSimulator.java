package org.ailedger.node.execution;

import org.ailedger.node.block.BlockHeader;

/** Runs calls against the state of a committed block and discards every change. */
public interface TransactionSimulator {
  Simulation simulate(CallRequest request, BlockHeader at);
}
