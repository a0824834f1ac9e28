package org.ailedger.node.consensus.qbft.message;

/** Why a peer's message data is not a QBFT message. */
public enum DecodeFailure {
  /** The code is not one of the four QBFT codes. */
  UNKNOWN_CODE,
  /** The bytes are not one canonical RLP item. */
  MALFORMED_RLP,
  /** A list has the wrong number of items, or an item is a list where a value belongs. */
  WRONG_SHAPE,
  /** A field has the wrong width, a non-canonical scalar, or an out-of-range number. */
  BAD_FIELD,
  /** The proposed or prepared block is not a block of this chain's wire form. */
  MALFORMED_BLOCK,
  /** A Besu 26.1+ message carries a block access list, which this chain's forks do not have. */
  UNSUPPORTED_BLOCK_ACCESS_LIST,
  /** Larger than any message this node accepts. */
  OVERSIZED
}
