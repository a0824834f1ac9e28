package org.ailedger.node.tx;

import org.ailedger.types.Address;

/** A pooled transaction with its recovered sender and the order it arrived in. */
public record RecoveredTransaction(Transaction transaction, Address sender, long sequence) {
  public RecoveredTransaction {
    if (transaction == null || sender == null) {
      throw new IllegalArgumentException("transaction and sender are required");
    }
  }
}
