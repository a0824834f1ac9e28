package org.ailedger.node.chain;

import org.apache.tuweni.bytes.Bytes32;

/** Where a committed transaction sits: its block and its index within that block. */
public record TransactionLocation(Bytes32 blockHash, long blockNumber, int index) {
  public TransactionLocation {
    if (blockHash == null || blockNumber < 0 || index < 0) {
      throw new IllegalArgumentException("invalid transaction location");
    }
  }
}
