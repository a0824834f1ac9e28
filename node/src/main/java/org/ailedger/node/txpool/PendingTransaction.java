package org.ailedger.node.txpool;

import org.ailedger.node.tx.Transaction;
import org.ailedger.types.Address;

/** A pooled transaction with its recovered sender and the order it arrived in. */
public record PendingTransaction(Transaction transaction, Address sender, long sequence) {
  public PendingTransaction {
    if (transaction == null || sender == null) {
      throw new IllegalArgumentException("transaction and sender are required");
    }
  }
}
