package org.ailedger.node.chain;

import java.util.Optional;
import org.ailedger.node.block.BlockHeader;

/**
 * Whether a header is sealed by the parties the consensus protocol requires. Import knows the rule
 * only through this interface, so the chain stays ignorant of how agreement is reached.
 */
public interface SealRule {
  /** The reason {@code header} is not properly sealed on top of {@code parent}, if it is not. */
  Optional<BlockRejection> check(BlockHeader header, BlockHeader parent);
}
