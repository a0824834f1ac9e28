package org.ailedger.node.p2p.eth;

/**
 * Why this node ends an eth session with a peer. Each reason carries the devp2p Disconnect code
 * (RLPx {@code rlpx.md}) that the transport sends, the same codes Besu's {@code DisconnectReason}
 * uses for the same cases.
 */
public enum EthProtocolViolation {
  /** The message is not well-formed RLP of its type. */
  MALFORMED_MESSAGE(0x02),
  /** A code eth/68 does not define (0x0b to 0x0e, or beyond the capability's space). */
  UNKNOWN_MESSAGE_CODE(0x02),
  /** Something other than Status arrived before the peer's Status. */
  MESSAGE_BEFORE_STATUS(0x02),
  /** A second Status in the same session. */
  REPEATED_STATUS(0x02),
  /** A response whose request id this node never used. */
  UNSOLICITED_RESPONSE(0x02),
  /** A response that does not answer its request: wrong blocks, more items than asked. */
  MISMATCHED_RESPONSE(0x02),
  /** A block that failed import: bad seal, bad transaction, wrong roots. */
  INVALID_BLOCK(0x02),
  /** The peer announced blocks it then does not serve. */
  USELESS_PEER(0x03),
  /** This node already has as many eth sessions as it keeps. */
  TOO_MANY_PEERS(0x04),
  /** The peer left requests unanswered too often. */
  REQUEST_TIMEOUT(0x0b),
  /** Status names an eth version other than the one negotiated. */
  UNSUPPORTED_VERSION(0x10),
  /** Status names another network id. */
  NETWORK_ID_MISMATCH(0x10),
  /** Status names another genesis block. */
  GENESIS_MISMATCH(0x10),
  /** Status carries an EIP-2124 fork id incompatible with this chain's. */
  FORK_ID_MISMATCH(0x10);

  private final int disconnectCode;

  EthProtocolViolation(int disconnectCode) {
    this.disconnectCode = disconnectCode;
  }

  /** The devp2p Disconnect reason code: 0x02 breach of protocol, 0x10 subprotocol reason, … */
  public int disconnectCode() {
    return disconnectCode;
  }
}
