package org.ailedger.node.rpc.eth;

import org.ailedger.node.block.BlockHeader;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The EIP-1559 base fee of the block after {@code parent} (elasticity 2, change denominator 8). A
 * zero parent base fee stays zero: that is a free-gas network (Besu's zeroBaseFee), where the EIP's
 * minimum increase of 1 wei would otherwise invent a fee the chain never charges.
 */
final class NextBaseFee {
  private static final long ELASTICITY = 2;
  private static final long CHANGE_DENOMINATOR = 8;

  private NextBaseFee() {}

  static UInt256 after(BlockHeader parent) {
    UInt256 baseFee = parent.baseFee();
    long target = parent.gasLimit() / ELASTICITY;
    if (baseFee.isZero() || target == 0 || parent.gasUsed() == target) {
      return baseFee;
    }
    if (parent.gasUsed() > target) {
      UInt256 delta =
          baseFee.multiply(parent.gasUsed() - target).divide(target).divide(CHANGE_DENOMINATOR);
      return baseFee.add(delta.isZero() ? UInt256.ONE : delta);
    }
    UInt256 delta =
        baseFee.multiply(target - parent.gasUsed()).divide(target).divide(CHANGE_DENOMINATOR);
    return baseFee.subtract(delta);
  }
}
