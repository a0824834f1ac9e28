package org.ailedger.evm.frame;

import org.ailedger.evm.state.WorldState;

/** What every frame of one transaction shares: the state, the block and the transaction. */
public record ExecutionContext(WorldState state, BlockContext block, TxContext tx) {
  public ExecutionContext {
    if (state == null || block == null || tx == null) {
      throw new IllegalArgumentException("incomplete execution context");
    }
  }
}
