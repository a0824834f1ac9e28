package org.ailedger.precompiles.governor;

import org.ailedger.types.Address;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * A member's vote on one proposal: which of its accounts cast it, on which side, with what weight.
 */
public record VoteReceipt(Address voter, Support support, UInt256 weight) {
  public VoteReceipt {
    if (voter == null || support == null || weight == null) {
      throw new IllegalArgumentException("voter, support and weight are required");
    }
  }
}
