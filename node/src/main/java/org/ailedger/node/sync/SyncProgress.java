package org.ailedger.node.sync;

/**
 * A running sync as {@code eth_syncing} reports it: the head when it started, the head now, and the
 * highest head a peer claims.
 */
public record SyncProgress(long startingBlock, long currentBlock, long highestBlock) {
  public SyncProgress {
    if (startingBlock < 0 || currentBlock < startingBlock || highestBlock < currentBlock) {
      throw new IllegalArgumentException(
          "sync progress must satisfy 0 <= starting <= current <= highest");
    }
  }
}
