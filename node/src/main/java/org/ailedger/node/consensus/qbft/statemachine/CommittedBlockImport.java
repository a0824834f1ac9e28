package org.ailedger.node.consensus.qbft.statemachine;

import org.ailedger.node.block.Block;

/**
 * Where a block goes once a quorum committed it: the node imports it through {@code BlockImporter}
 * and announces the new head back to consensus as a {@link QbftEvent.NewChainHead}.
 */
@FunctionalInterface
public interface CommittedBlockImport {
  /** Imports the sealed block; false when the chain refused it. */
  boolean importCommitted(Block sealed);
}
