package org.ailedger.node.p2p.rlpx.framing;

import org.apache.tuweni.bytes.Bytes;

/** A frame's data read as a message. */
public sealed interface MessageRead {
  /** An absolute message code and its uncompressed payload. */
  record Message(int code, Bytes payload) implements MessageRead {}

  record Rejected(MessageFailure failure) implements MessageRead {}
}
