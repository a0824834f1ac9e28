package org.ailedger.node.app;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.ailedger.node.p2p.peers.EnodeUrl;
import org.ailedger.node.p2p.peers.PeerNetwork;
import org.ailedger.node.p2p.rlpx.PeerConnection;
import org.ailedger.node.rpc.NodeInfo;
import org.ailedger.node.rpc.PeerInfo;
import org.ailedger.node.rpc.PeerSource;
import org.ailedger.node.sync.SyncProgress;
import org.ailedger.node.sync.Synchronizer;

/** JSON-RPC's view of the peer network: admin_* and net_* read and change it through this. */
final class NetworkPeers implements PeerSource {
  private final PeerNetwork network;
  private final Synchronizer sync;

  NetworkPeers(PeerNetwork network, Synchronizer sync) {
    this.network = network;
    this.sync = sync;
  }

  @Override
  public Optional<SyncProgress> syncing() {
    return sync.progress();
  }

  @Override
  public boolean listening() {
    return network.listening();
  }

  @Override
  public List<PeerInfo> peers() {
    // the address peers reach this node at, as its enode says
    String local =
        network.listening() ? network.localEnode().host() + ":" + network.listenPort() : "";
    return network.peers().stream().map(peer -> info(peer, local)).toList();
  }

  private static PeerInfo info(PeerConnection peer, String local) {
    return new PeerInfo(
        peer.nodeId().bytes(),
        peer.remoteHello().clientId(),
        address(peer.remoteAddress()),
        local,
        peer.sharedCapabilities().stream().map(c -> c.capability().toString()).toList());
  }

  private static String address(InetSocketAddress address) {
    return address.getHostString() + ":" + address.getPort();
  }

  @Override
  public Optional<NodeInfo> nodeInfo() {
    if (!network.listening()) {
      return Optional.empty();
    }
    return Optional.of(
        new NodeInfo(
            network.localEnode(),
            network.clientId(),
            network.listenPort(),
            network.capabilities().stream().map(Object::toString).toList()));
  }

  @Override
  public PeerChange addPeer(EnodeUrl peer) {
    return change(network.keep(peer));
  }

  @Override
  public PeerChange removePeer(EnodeUrl peer) {
    return change(network.release(peer));
  }

  private static PeerChange change(PeerNetwork.Change change) {
    return switch (change) {
      case DONE -> PeerChange.DONE;
      // a full list of kept peers leaves nothing changed; the log says why
      case UNCHANGED, FULL -> PeerChange.UNCHANGED;
      case NOT_PERMITTED -> PeerChange.NOT_PERMITTED;
      case LOCAL_NODE -> PeerChange.LOCAL_NODE;
    };
  }
}
