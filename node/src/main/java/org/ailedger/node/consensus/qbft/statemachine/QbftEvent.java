package org.ailedger.node.consensus.qbft.statemachine;

import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.consensus.qbft.message.RoundId;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;

/** What the consensus thread reacts to; everything else only enqueues these. */
public sealed interface QbftEvent {
  /**
   * A QBFT message from a peer.
   *
   * @param sender the validator address of the peer it came from, so gossip skips it
   * @param code the code within istanbul/100 (0x12 to 0x15), the connection offset removed
   */
  record MessageReceived(Address sender, int code, Bytes data) implements QbftEvent {
    public MessageReceived {
      if (sender == null || data == null) {
        throw new IllegalArgumentException("a received message needs its sender and data");
      }
    }
  }

  /**
   * A new head was imported, by consensus or by sync; the node offers one for every block its chain
   * adds, so consensus moves to the next height.
   */
  record NewChainHead(BlockHeader header) implements QbftEvent {
    public NewChainHead {
      if (header == null) {
        throw new IllegalArgumentException("header must not be null");
      }
    }
  }

  /** The block period after the parent has passed: round 0 of this height may start. */
  record BlockTimerExpired(RoundId roundId) implements QbftEvent {
    public BlockTimerExpired {
      if (roundId == null) {
        throw new IllegalArgumentException("roundId must not be null");
      }
    }
  }

  record RoundTimerExpired(RoundId roundId) implements QbftEvent {
    public RoundTimerExpired {
      if (roundId == null) {
        throw new IllegalArgumentException("roundId must not be null");
      }
    }
  }

  /**
   * A validator's istanbul session opened: a validator that restarts has missed the round changes
   * sent while it was down, so this node sends it its own again.
   */
  record PeerConnected(Address validator) implements QbftEvent {
    public PeerConnected {
      if (validator == null) {
        throw new IllegalArgumentException("validator must not be null");
      }
    }
  }

  /**
   * Block sync started or finished. While the node is catching up from peers, the heights it would
   * agree on are already decided, so consensus pauses (as Besu's BFT mining coordinator stops while
   * syncing) and resumes at the synced head.
   */
  record SyncingChanged(boolean syncing) implements QbftEvent {}
}
