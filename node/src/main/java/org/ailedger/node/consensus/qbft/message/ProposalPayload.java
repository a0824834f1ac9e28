package org.ailedger.node.consensus.qbft.message;

import org.ailedger.node.block.Block;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;

/**
 * PROPOSAL's signed part: {@code [height, round, block]}. Besu 26.1 to 26.4 add a fourth item, the
 * block access list or 0x80; this node decodes that shape but writes the three-item one, which Besu
 * up to 25.x and from 26.5 understand.
 */
public record ProposalPayload(RoundId roundId, Block block) implements Payload {
  public ProposalPayload {
    if (roundId == null || block == null) {
      throw new IllegalArgumentException("proposal fields must not be null");
    }
  }

  @Override
  public int code() {
    return MessageCodes.PROPOSAL;
  }

  @Override
  public Bytes encode() {
    return RLP.encodeList(
        w -> {
          Payload.writeRound(w, roundId);
          w.writeRLP(block.encode());
        });
  }
}
