package org.ailedger.node.p2p.rlpx;

/** A dial that did not end in an established connection, and why. */
public final class PeerConnectException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient DisconnectCause cause;

  public PeerConnectException(String message, DisconnectCause cause) {
    super(message + ": " + cause);
    this.cause = cause;
  }

  public DisconnectCause disconnectCause() {
    return cause;
  }
}
