package org.ailedger.node.p2p.rlpx.handshake;

import org.apache.tuweni.bytes.Bytes;

/** What the handshake made of the bytes received so far. */
public sealed interface HandshakeStep {
  /** Not a whole packet yet; call again with more bytes. */
  record NeedMoreBytes() implements HandshakeStep {}

  /**
   * Done: send {@code reply} (the ack, empty for the initiator), frame with {@code secrets}, and
   * treat received bytes after the first {@code consumed} as frames.
   */
  record Completed(Bytes reply, HandshakeSecrets secrets, int consumed) implements HandshakeStep {
    public Completed {
      if (reply == null || secrets == null || consumed <= 0) {
        throw new IllegalArgumentException("a completed handshake consumed a packet");
      }
    }
  }

  /** The peer's packet is refused; the connection cannot continue. */
  record Failed(HandshakeFailure failure) implements HandshakeStep {}
}
