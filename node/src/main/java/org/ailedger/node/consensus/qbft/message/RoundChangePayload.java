package org.ailedger.node.consensus.qbft.message;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;

/**
 * ROUND_CHANGE's signed part: {@code [height, targetRound, []]} or {@code [height, targetRound,
 * [preparedRound, preparedBlockHash]]}. The prepared block and its prepares travel unsigned beside
 * it in {@link RoundChange}.
 */
public record RoundChangePayload(RoundId roundId, Optional<PreparedRoundMetadata> prepared)
    implements Payload {
  public RoundChangePayload {
    if (roundId == null || prepared == null) {
      throw new IllegalArgumentException("round change fields must not be null");
    }
  }

  @Override
  public int code() {
    return MessageCodes.ROUND_CHANGE;
  }

  @Override
  public Bytes encode() {
    return RLP.encodeList(
        w -> {
          Payload.writeRound(w, roundId);
          w.writeList(
              m ->
                  prepared.ifPresent(
                      p -> {
                        m.writeInt(p.preparedRound());
                        m.writeValue(p.preparedBlockHash());
                      }));
        });
  }
}
