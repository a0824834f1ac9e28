package org.ailedger.node.p2p.rlpx;

/** What became of a message handed to {@link PeerConnection#send}. */
public enum SendResult {
  QUEUED,
  /** The connection does not share the capability; nothing was sent. */
  NOT_SHARED,
  /** The payload exceeds the message size cap. */
  TOO_LARGE,
  /** The peer reads too slowly and its outbound queue is at its bound. */
  QUEUE_FULL,
  /** The connection is closing or closed. */
  NOT_CONNECTED
}
