package org.ailedger.node.consensus.qbft.message;

import org.ailedger.node.block.QbftExtraData;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.rlp.RLP;

/**
 * COMMIT: {@code [height, round, digest, commitSeal]}. The seal is the author's 65-byte signature
 * over the committed-seal hash of the proposed header with the commit round, and ends up in the
 * sealed block's extra-data.
 */
public record CommitPayload(RoundId roundId, Bytes32 digest, Bytes commitSeal) implements Payload {
  public CommitPayload {
    if (roundId == null || digest == null || commitSeal == null) {
      throw new IllegalArgumentException("commit fields must not be null");
    }
    if (commitSeal.size() != QbftExtraData.SEAL_SIZE) {
      throw new IllegalArgumentException("a commit seal has 65 bytes, got " + commitSeal.size());
    }
    commitSeal = commitSeal.copy();
  }

  @Override
  public int code() {
    return MessageCodes.COMMIT;
  }

  @Override
  public Bytes encode() {
    return RLP.encodeList(
        w -> {
          Payload.writeRound(w, roundId);
          w.writeValue(digest);
          w.writeValue(commitSeal);
        });
  }
}
