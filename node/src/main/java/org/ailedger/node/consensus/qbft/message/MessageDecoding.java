package org.ailedger.node.consensus.qbft.message;

/** What {@link QbftMessageCodec#decode} makes of a peer's bytes: a message, or why not. */
public sealed interface MessageDecoding {
  /** Well-formed; the signature has been recovered but nothing else is validated yet. */
  record Decoded(QbftMessage message) implements MessageDecoding {
    public Decoded {
      if (message == null) {
        throw new IllegalArgumentException("message must not be null");
      }
    }
  }

  record Malformed(DecodeFailure reason, String detail) implements MessageDecoding {
    public Malformed {
      if (reason == null || detail == null) {
        throw new IllegalArgumentException("a malformed message needs its reason");
      }
    }
  }
}
