package org.ailedger.node.rpc.filter;

import java.util.Optional;
import org.ailedger.node.rpc.params.BlockParameter;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A parsed filter object: either a block range (each end absent = "latest") or one block hash, and
 * the log criteria.
 */
public record FilterSpec(
    Optional<BlockParameter> fromBlock,
    Optional<BlockParameter> toBlock,
    Optional<Bytes32> blockHash,
    LogCriteria criteria) {
  public FilterSpec {
    if (fromBlock == null || toBlock == null || blockHash == null || criteria == null) {
      throw new IllegalArgumentException("filter fields must not be null");
    }
    if (blockHash.isPresent() && (fromBlock.isPresent() || toBlock.isPresent())) {
      throw new IllegalArgumentException("blockHash excludes fromBlock and toBlock");
    }
  }
}
