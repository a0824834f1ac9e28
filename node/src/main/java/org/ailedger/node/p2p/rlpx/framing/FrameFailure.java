package org.ailedger.node.p2p.rlpx.framing;

/** Why received bytes are not a frame from the authenticated peer. */
public enum FrameFailure {
  BAD_HEADER_MAC,
  BAD_FRAME_MAC,
  /** The header announces a frame larger than this connection accepts. */
  OVERSIZED_FRAME
}
