package org.ailedger.indexer.store;

import org.apache.tuweni.bytes.Bytes32;

/** A block header's facts the store keeps: number, hash, parent hash and timestamp. */
public record Block(long number, Bytes32 hash, Bytes32 parentHash, long timestamp) {
  public Block {
    if (number < 0) {
      throw new IllegalArgumentException("block number < 0: " + number);
    }
    if (hash == null || parentHash == null) {
      throw new IllegalArgumentException("a block has a hash and a parent hash");
    }
    if (timestamp < 0) {
      throw new IllegalArgumentException("timestamp < 0: " + timestamp);
    }
  }

  public Cursor cursor() {
    return new Cursor(number, hash);
  }
}
