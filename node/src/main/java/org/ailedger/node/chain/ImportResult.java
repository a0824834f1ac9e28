package org.ailedger.node.chain;

import org.ailedger.node.block.Block;

/** Whether a block became the new head, and why not. */
public sealed interface ImportResult {
  record Imported(Block block) implements ImportResult {}

  /**
   * The block was on the chain already: consensus and sync can both bring the same block, and the
   * second to arrive is neither an error nor the peer's fault.
   */
  record AlreadyKnown(Block block) implements ImportResult {}

  record Rejected(BlockRejection rejection) implements ImportResult {
    public Rejected {
      if (rejection == null) {
        throw new IllegalArgumentException("a rejected import needs its rejection");
      }
    }
  }
}
