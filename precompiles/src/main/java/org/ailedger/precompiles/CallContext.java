package org.ailedger.precompiles;

import org.ailedger.types.Address;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * What a native contract may know about the call and the block it runs in.
 *
 * @param caller the immediate sender of the call (the transaction sender for top-level calls)
 * @param value wei sent with the call
 * @param blockNumber number of the block being built or imported
 * @param blockTimestamp that block's timestamp, unix seconds
 * @param chainId the chain id from genesis
 * @param gasLimit gas available to the call after the intrinsic cost
 */
public record CallContext(
    Address caller,
    UInt256 value,
    long blockNumber,
    long blockTimestamp,
    long chainId,
    long gasLimit) {
  public CallContext {
    if (caller == null || value == null) {
      throw new IllegalArgumentException("caller and value are required");
    }
    if (blockNumber < 0 || blockTimestamp < 0 || gasLimit < 0) {
      throw new IllegalArgumentException("negative block number, timestamp or gas limit");
    }
  }
}
