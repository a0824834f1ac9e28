package org.ailedger.node.rpc;

/** Where a catching-up node is, as eth_syncing reports it. */
public record SyncState(long startingBlock, long currentBlock, long highestBlock) {
  public SyncState {
    if (startingBlock < 0 || currentBlock < 0 || highestBlock < 0) {
      throw new IllegalArgumentException("block numbers are non-negative");
    }
  }
}
