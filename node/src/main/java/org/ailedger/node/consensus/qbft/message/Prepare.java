package org.ailedger.node.consensus.qbft.message;

import org.apache.tuweni.bytes.Bytes;

/** A PREPARE message: its data is the signed payload itself. */
public record Prepare(SignedPayload<PreparePayload> signed) implements QbftMessage {
  public Prepare {
    if (signed == null) {
      throw new IllegalArgumentException("signed payload must not be null");
    }
  }

  @Override
  public Bytes encode() {
    return signed.encode();
  }
}
