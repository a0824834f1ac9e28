package org.ailedger.node.rpc.filter;

import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A log with its position in the chain.
 *
 * @param blockTimestamp the block's timestamp, which execution-apis logs carry
 * @param logIndex the index among all logs of the block, as Ethereum numbers them
 */
public record MatchedLog(
    Log log,
    long blockNumber,
    Bytes32 blockHash,
    long blockTimestamp,
    Bytes32 transactionHash,
    int transactionIndex,
    int logIndex) {
  public MatchedLog {
    if (log == null || blockHash == null || transactionHash == null) {
      throw new IllegalArgumentException("matched log fields must not be null");
    }
    if (blockNumber < 0 || blockTimestamp < 0 || transactionIndex < 0 || logIndex < 0) {
      throw new IllegalArgumentException("log positions are unsigned");
    }
  }
}
