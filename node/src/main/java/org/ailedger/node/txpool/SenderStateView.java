package org.ailedger.node.txpool;

import org.ailedger.types.Address;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * What the pool needs to know about a sender, read at the current head. Implementations must be
 * thread-safe; the pool never calls them while holding its lock.
 */
public interface SenderStateView {
  /** The account's nonce: the nonce of its next transaction to be included. */
  long nonce(Address sender);

  UInt256 balance(Address sender);

  /** Whether the account allowlist lets this account send transactions. */
  boolean isPermitted(Address sender);
}
