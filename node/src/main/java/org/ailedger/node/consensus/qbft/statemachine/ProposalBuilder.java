package org.ailedger.node.consensus.qbft.statemachine;

import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;

/**
 * Builds this node's unsealed proposal on a parent for a round: the node implements it with {@code
 * BlockCreator} over its pool. The block's coinbase is this node and its extra-data names the
 * round.
 */
public interface ProposalBuilder {
  Block build(BlockHeader parent, int round, long timestampSeconds);

  /**
   * Whether a block on {@code parent} would have a transaction to include: a look at the pool that
   * builds and executes nothing, as consensus asks it every block period while it waits.
   */
  boolean hasCandidates(BlockHeader parent);
}
