package org.ailedger.node.p2p.eth;

/** A peer's message, decoded, or the reason to disconnect the peer that sent it. */
public sealed interface EthDecodeResult {
  record Decoded(EthMessage message) implements EthDecodeResult {
    public Decoded {
      if (message == null) {
        throw new IllegalArgumentException("a decoded result needs its message");
      }
    }
  }

  /** {@code detail} is for the DEBUG log only; it may quote the peer's data. */
  record Malformed(EthProtocolViolation violation, String detail) implements EthDecodeResult {
    public Malformed {
      if (violation == null || detail == null) {
        throw new IllegalArgumentException("a malformed result needs a violation and a detail");
      }
    }
  }
}
