package org.ailedger.node.consensus.qbft.validation;

import java.util.Optional;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.chain.BlockRejection;

/**
 * Whether a proposed (unsealed) block may follow its parent: header rules and execution, without
 * seals, which it does not have yet. The node implements it over its chain and executor.
 */
@FunctionalInterface
public interface BlockValidity {
  /** Why {@code block} cannot follow {@code parent}, if it cannot. */
  Optional<BlockRejection> check(Block block, BlockHeader parent);
}
