package org.ailedger.node.block;

import java.util.List;
import org.ailedger.node.tx.Transaction;

/** A header and its transactions. This chain has no ommers and no withdrawals. */
public record Block(BlockHeader header, List<Transaction> transactions) {
  public Block {
    if (header == null || transactions == null) {
      throw new IllegalArgumentException("block fields must not be null");
    }
    transactions = List.copyOf(transactions);
  }

  public long number() {
    return header.number();
  }
}
