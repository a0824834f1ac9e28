package org.ailedger.indexer.store;

import org.apache.tuweni.bytes.Bytes32;

/**
 * The last block whose events are all stored. The hash, not only the number, is kept so that a node
 * on a different chain is noticed: its block at this height has another hash.
 */
public record Cursor(long blockNumber, Bytes32 blockHash) {
  public Cursor {
    if (blockNumber < 0) {
      throw new IllegalArgumentException("block number < 0: " + blockNumber);
    }
    if (blockHash == null) {
      throw new IllegalArgumentException("a cursor has a block hash");
    }
  }
}
