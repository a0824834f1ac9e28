package org.ailedger.node.execution;

import org.ailedger.types.Address;
import org.apache.tuweni.units.bigints.UInt256;

/** The block a transaction executes in. */
public record BlockContext(
    long number, long timestamp, Address coinbase, UInt256 baseFee, long gasLimit, long chainId) {
  public BlockContext {
    if (number < 0 || timestamp < 0 || gasLimit < 0 || coinbase == null || baseFee == null) {
      throw new IllegalArgumentException("invalid block context");
    }
  }
}
