package org.ailedger.node.p2p.rlpx.framing;

import org.apache.tuweni.bytes.Bytes;

/** What the frame decoder made of the bytes buffered so far. */
public sealed interface FrameRead {
  /**
   * No whole frame yet. A verified header may have been used up already: drop the first {@code
   * consumed} buffered bytes either way.
   */
  record NeedMoreBytes(int consumed) implements FrameRead {}

  /** One frame's data; the first {@code consumed} buffered bytes are used up. */
  record Frame(Bytes data, int consumed) implements FrameRead {}

  /** The stream is corrupt or hostile; no later byte can be trusted. */
  record Rejected(FrameFailure failure) implements FrameRead {}
}
