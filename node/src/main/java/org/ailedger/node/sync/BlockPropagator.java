package org.ailedger.node.sync;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.ailedger.node.block.Block;
import org.ailedger.node.chain.BlockAdded;
import org.ailedger.node.p2p.eth.EthMessage;
import org.ailedger.node.p2p.eth.EthMessage.Announcement;
import org.ailedger.node.p2p.eth.EthMessage.NewBlock;
import org.ailedger.node.p2p.eth.EthMessage.NewBlockHashes;
import org.ailedger.node.p2p.eth.EthMessage.Status;
import org.ailedger.node.p2p.eth.EthMessageCodec;
import org.ailedger.node.p2p.eth.EthMessages;
import org.ailedger.node.p2p.eth.EthPeer;
import org.ailedger.node.p2p.eth.EthSessions;
import org.ailedger.node.p2p.eth.KnownHashes;
import org.ailedger.node.p2p.eth.StatusExchange;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Announces each new head to peers as a NewBlock, to every peer not known to have it already.
 *
 * <p>Why NewBlock to all rather than to √n peers plus NewBlockHashes to the rest (caps/eth.md): a
 * permissioned network has a handful to a few dozen nodes, so a full block to each costs little,
 * while a hash-only announcement would cost a non-validator a request round trip before it can
 * import. Besu does the same: its {@code BlockBroadcaster.propagate} sends NewBlock to every peer
 * that has not seen the block.
 *
 * <p>A block is never sent back to a peer it came from or that announced it: what a peer sends or
 * announces is remembered per peer ({@link KnownHashes}, up to {@link #MAX_KNOWN_BLOCKS} per peer).
 * Blocks imported while catching up are not announced, as Besu does not broadcast blocks its
 * synchronizer imports; peers learn of them from Status and announcements of newer heads. Register
 * with {@code chainEvents.onBlockAdded} and place before the synchronizer in {@link EthSessions}'
 * followers; the block is encoded once for all peers, and {@link #blockAdded} may run on any
 * thread, so the node calls it off the thread that appended the block (consensus, whose next height
 * should not wait for the encoding).
 */
public final class BlockPropagator implements EthMessages {
  /** Block hashes remembered per peer: geth's {@code maxKnownBlocks}. */
  static final int MAX_KNOWN_BLOCKS = 1024;

  private final StatusExchange status;
  private final BooleanSupplier syncing;
  // bounded by the sessions EthSessions admits (EthSessions.MAX_SESSIONS)
  private final Map<EthPeer, KnownHashes> peers = new ConcurrentHashMap<>();

  public BlockPropagator(StatusExchange status, BooleanSupplier syncing) {
    this.status = status;
    this.syncing = syncing;
  }

  public void blockAdded(BlockAdded event) {
    if (syncing.getAsBoolean()) {
      return;
    }
    Block block = event.block();
    Bytes32 hash = block.header().hash();
    NewBlock message = new NewBlock(block, status.totalDifficulty(block.number()));
    Bytes encoded = null;
    for (Map.Entry<EthPeer, KnownHashes> entry : peers.entrySet()) {
      if (entry.getValue().addIfAbsent(hash)) {
        if (encoded == null) {
          encoded = EthMessageCodec.encode(message);
        }
        entry.getKey().send(message, encoded);
      }
    }
  }

  @Override
  public void peerConnected(EthPeer peer) {
    if (peers.size() < EthSessions.MAX_SESSIONS) {
      peers.putIfAbsent(peer, new KnownHashes(MAX_KNOWN_BLOCKS));
    }
  }

  @Override
  public void messageReceived(EthPeer peer, EthMessage message) {
    KnownHashes known = peers.get(peer);
    if (known == null) {
      return;
    }
    // only what tells which blocks the peer has; everything else is the synchronizer's
    if (message instanceof Status s) {
      known.add(s.bestHash());
    } else if (message instanceof NewBlock n) {
      known.add(n.block().header().hash());
    } else if (message instanceof NewBlockHashes n) {
      for (Announcement a : n.announcements()) {
        known.add(a.hash());
      }
    }
  }

  @Override
  public void peerDisconnected(EthPeer peer) {
    peers.remove(peer);
  }
}
