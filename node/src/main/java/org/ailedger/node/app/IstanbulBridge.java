package org.ailedger.node.app;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.ailedger.node.consensus.qbft.statemachine.EventQueue;
import org.ailedger.node.consensus.qbft.statemachine.Multicaster;
import org.ailedger.node.consensus.qbft.statemachine.QbftEvent;
import org.ailedger.node.p2p.peers.PeerNetwork;
import org.ailedger.node.p2p.peers.ProtocolHandler;
import org.ailedger.node.p2p.rlpx.PeerConnection;
import org.ailedger.node.p2p.wire.DisconnectReason;
import org.ailedger.node.p2p.wire.SubProtocol;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * QBFT over istanbul/100: a peer's message becomes an event on the consensus queue (tagged with the
 * peer's validator address, so gossip skips it), and consensus's outgoing messages go to the
 * connected peers whose addresses it names. Neither side ever waits on the other.
 */
final class IstanbulBridge implements ProtocolHandler, Multicaster {
  private static final Logger LOG = LoggerFactory.getLogger(IstanbulBridge.class);

  private final EventQueue queue;
  private final AtomicReference<PeerNetwork> network = new AtomicReference<>();

  IstanbulBridge(EventQueue queue) {
    this.queue = queue;
  }

  /** The network is built with this bridge as a handler, so it is attached afterwards. */
  void attach(PeerNetwork peers) {
    network.set(peers);
  }

  @Override
  public void onConnected(PeerConnection peer) {
    // consensus sends a validator that (re)connects its latest round change; others it ignores
    queue.offer(new QbftEvent.PeerConnected(peer.nodeId().address()));
  }

  @Override
  public void onMessage(PeerConnection peer, int code, Bytes payload) {
    // a full queue drops the message (counted and logged by the queue), as Besu's does
    queue.offer(new QbftEvent.MessageReceived(peer.nodeId().address(), code, payload));
  }

  @Override
  public void misbehaved(Address peer, String reason) {
    PeerNetwork peers = network.get();
    if (peers == null) {
      return;
    }
    for (PeerConnection connection : peers.peers()) {
      if (connection.nodeId().address().equals(peer)) {
        LOG.debug("Dropping {}: {}", peer, reason);
        connection.disconnect(DisconnectReason.BREACH_OF_PROTOCOL);
      }
    }
  }

  @Override
  public void send(Collection<Address> recipients, int code, Bytes data) {
    PeerNetwork peers = network.get();
    if (peers == null) {
      return;
    }
    Set<Address> to = Set.copyOf(recipients);
    for (PeerConnection peer : peers.peers()) {
      if (to.contains(peer.nodeId().address())) {
        peer.send(SubProtocol.ISTANBUL_100.capability(), code, data);
      }
    }
  }
}
