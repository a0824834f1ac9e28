package org.ailedger.node.p2p.rlpx;

import java.util.Optional;
import org.ailedger.node.p2p.wire.DisconnectReason;

/** How a connection ended, as the owner's listener sees it. */
public sealed interface DisconnectCause {
  /** The peer sent Disconnect with this code. */
  record ByPeer(int code) implements DisconnectCause {
    /** Empty for a code devp2p does not define. */
    public Optional<DisconnectReason> reason() {
      return DisconnectReason.fromCode(code);
    }
  }

  /**
   * We ended it; {@code sent} is the reason our Disconnect carried, empty when none could be sent
   * (no session keys yet).
   */
  record ByUs(LocalReason why, Optional<DisconnectReason> sent) implements DisconnectCause {}

  /** TCP closed or failed without a Disconnect. */
  record ConnectionLost() implements DisconnectCause {}
}
