package org.ailedger.node.chain;

import java.util.List;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.TransactionReceipt;

/** Published after a block and its receipts are durably committed and became the head. */
public record BlockAdded(Block block, List<TransactionReceipt> receipts) {
  public BlockAdded {
    receipts = List.copyOf(receipts);
    if (receipts.size() != block.transactions().size()) {
      throw new IllegalArgumentException("one receipt per transaction");
    }
  }
}
