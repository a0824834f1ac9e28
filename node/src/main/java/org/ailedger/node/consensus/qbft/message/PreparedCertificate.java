package org.ailedger.node.consensus.qbft.message;

import java.util.List;
import org.ailedger.node.block.Block;

/**
 * Proof that a block was prepared: the block as proposed in {@code round} and a quorum of prepares
 * for it. A node keeps its latest one and sends it with its round changes.
 */
public record PreparedCertificate(
    Block block, List<SignedPayload<PreparePayload>> prepares, int round) {
  public PreparedCertificate {
    if (block == null || prepares == null) {
      throw new IllegalArgumentException("prepared certificate fields must not be null");
    }
    if (round < 0) {
      throw new IllegalArgumentException("round < 0: " + round);
    }
    prepares = List.copyOf(prepares);
  }

  public PreparedRoundMetadata metadata() {
    return new PreparedRoundMetadata(round, block.header().committedSealHash());
  }
}
