package org.ailedger.indexer.event;

import org.apache.tuweni.bytes.Bytes32;

/**
 * Where a log sits on chain. {@code (blockNumber, logIndex)} is its natural key: the store keys
 * every row by it, so a replayed log cannot be stored twice.
 *
 * @param txIndex the index of the log's transaction in its block ({@code transactionIndex})
 */
public record LogPosition(
    long blockNumber, int logIndex, Bytes32 blockHash, Bytes32 txHash, int txIndex) {
  public LogPosition {
    if (blockNumber < 0) {
      throw new IllegalArgumentException("block number < 0: " + blockNumber);
    }
    if (logIndex < 0) {
      throw new IllegalArgumentException("log index < 0: " + logIndex);
    }
    if (txIndex < 0) {
      throw new IllegalArgumentException("transaction index < 0: " + txIndex);
    }
    if (blockHash == null || txHash == null) {
      throw new IllegalArgumentException("a log names its block hash and transaction hash");
    }
  }

  /** The id the event stream gives this log: {@code block:logIndex}. */
  public String eventId() {
    return blockNumber + ":" + logIndex;
  }
}
