package org.ailedger.node.consensus.qbft.statemachine;

import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;

/**
 * Builds this node's unsealed proposal on a parent for a round: the node implements it with {@code
 * BlockCreator} over its pool. The block's coinbase is this node and its extra-data names the
 * round.
 */
@FunctionalInterface
public interface ProposalBuilder {
  Block build(BlockHeader parent, int round, long timestampSeconds);
}
