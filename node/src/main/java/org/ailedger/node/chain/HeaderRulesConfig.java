package org.ailedger.node.chain;

import org.apache.tuweni.units.bigints.UInt256;

/**
 * What the header rules need from the chain's configuration.
 *
 * @param blockPeriodSeconds the least time between a block and its parent
 * @param baseFee the base fee every block carries (fixed; zero on a free-gas network)
 */
public record HeaderRulesConfig(long blockPeriodSeconds, UInt256 baseFee) {
  public HeaderRulesConfig {
    if (blockPeriodSeconds < 0 || baseFee == null) {
      throw new IllegalArgumentException("block period must not be negative; base fee required");
    }
  }
}
