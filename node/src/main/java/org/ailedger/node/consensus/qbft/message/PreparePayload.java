package org.ailedger.node.consensus.qbft.message;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.rlp.RLP;

/**
 * PREPARE: {@code [height, round, digest]}, the digest being the proposal's committed-seal hash.
 */
public record PreparePayload(RoundId roundId, Bytes32 digest) implements Payload {
  public PreparePayload {
    if (roundId == null || digest == null) {
      throw new IllegalArgumentException("prepare fields must not be null");
    }
  }

  @Override
  public int code() {
    return MessageCodes.PREPARE;
  }

  @Override
  public Bytes encode() {
    return RLP.encodeList(
        w -> {
          Payload.writeRound(w, roundId);
          w.writeValue(digest);
        });
  }
}
