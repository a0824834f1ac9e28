package org.ailedger.node.chain;

import org.ailedger.node.block.Block;

/** Whether a block became the new head, and why not. */
public sealed interface ImportResult {
  record Imported(Block block) implements ImportResult {}

  record Rejected(BlockRejection rejection) implements ImportResult {
    public Rejected {
      if (rejection == null) {
        throw new IllegalArgumentException("a rejected import needs its rejection");
      }
    }
  }
}
