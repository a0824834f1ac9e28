package org.ailedger.node.consensus.qbft.message;

import org.apache.tuweni.bytes.Bytes;

/** A COMMIT message: its data is the signed payload itself. */
public record Commit(SignedPayload<CommitPayload> signed) implements QbftMessage {
  public Commit {
    if (signed == null) {
      throw new IllegalArgumentException("signed payload must not be null");
    }
  }

  @Override
  public Bytes encode() {
    return signed.encode();
  }
}
