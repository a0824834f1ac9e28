package org.ailedger.node.consensus.qbft.message;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLPWriter;

/** The signed part of a QBFT message. Each kind knows its code and its (pre-26.1) encoding. */
public sealed interface Payload
    permits ProposalPayload, PreparePayload, CommitPayload, RoundChangePayload {
  RoundId roundId();

  /** The message code the signature hash starts with. */
  int code();

  /** The RLP list this node signs and sends. */
  Bytes encode();

  /** Writes the round as Besu does: the height as a long scalar, then the round as a scalar. */
  static void writeRound(RLPWriter w, RoundId roundId) {
    w.writeLong(roundId.height());
    w.writeInt(roundId.round());
  }
}
