package org.ailedger.node.p2p.rlpx.framing;

/** Why a frame's data is not a message we accept. */
public enum MessageFailure {
  /** The frame does not start with an RLP-encoded integer message code. */
  MALFORMED_CODE,
  /** The payload is not valid snappy block data. */
  BAD_SNAPPY,
  /** The payload, uncompressed, would exceed the message size cap. */
  OVERSIZED_MESSAGE
}
