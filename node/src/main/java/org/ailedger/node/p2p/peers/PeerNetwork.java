package org.ailedger.node.p2p.peers;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.PublicKey;
import org.ailedger.node.crypto.Secp256k1;
import org.ailedger.node.p2p.rlpx.DisconnectCause;
import org.ailedger.node.p2p.rlpx.PeerConnection;
import org.ailedger.node.p2p.rlpx.PeerListener;
import org.ailedger.node.p2p.rlpx.RlpxConfig;
import org.ailedger.node.p2p.rlpx.RlpxTransport;
import org.ailedger.node.p2p.wire.Capability;
import org.ailedger.node.p2p.wire.DisconnectReason;
import org.apache.tuweni.bytes.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's place in a permissioned network: it listens, keeps its static peers (and those added
 * at run time) connected with back-off, admits only nodes the allowlist names, and hands each
 * subprotocol's messages to its handler. No discovery: peers are named by operators.
 */
public final class PeerNetwork implements PeerListener {
  private static final Logger LOG = LoggerFactory.getLogger(PeerNetwork.class);

  /** How often kept peers that are not connected are looked at. */
  static final long MAINTAIN_EVERY_MILLIS = 500;

  /** Which nodes may connect: the Permissions contract's node allowlist, and the kept peers. */
  @FunctionalInterface
  public interface NodeAllowlist {
    boolean allows(PublicKey nodeId);
  }

  /** What {@link #keep} and {@link #release} did. */
  public enum Change {
    DONE,
    UNCHANGED,
    NOT_PERMITTED,
    LOCAL_NODE,
    FULL
  }

  private final PeersConfig config;
  private final RlpxConfig rlpx;
  private final KeyPair nodeKey;
  private final NodeAllowlist allowlist;
  private final Map<Capability, ProtocolHandler> handlers;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final KeptPeers kept;
  private final Map<PublicKey, PeerConnection> connected = new ConcurrentHashMap<>();
  private final RlpxTransport transport;
  private ScheduledFuture<?> maintenance;
  private volatile boolean listening;

  public PeerNetwork(
      PeersConfig config,
      RlpxConfig rlpx,
      KeyPair nodeKey,
      Secp256k1 secp256k1,
      NodeAllowlist allowlist,
      Map<Capability, ProtocolHandler> handlers,
      ScheduledExecutorService scheduler,
      Clock clock) {
    this.config = config;
    this.rlpx = rlpx;
    this.nodeKey = nodeKey;
    this.allowlist = allowlist;
    this.handlers = Map.copyOf(handlers);
    this.scheduler = scheduler;
    this.clock = clock;
    SecureRandom random = new SecureRandom();
    this.kept = new KeptPeers(random);
    this.transport = new RlpxTransport(rlpx, nodeKey, secp256k1, this, this::admits, random);
    config.staticNodes().forEach(enode -> kept.add(enode, clock.instant()));
  }

  /** Listens, then dials the static peers; completes once the listener is bound. */
  public Future<?> start(Vertx vertx) {
    return vertx
        .deployVerticle(transport)
        .onSuccess(
            id -> {
              listening = true;
              maintenance =
                  scheduler.scheduleWithFixedDelay(
                      this::maintain, 0, MAINTAIN_EVERY_MILLIS, TimeUnit.MILLISECONDS);
              LOG.info("This node is {}", localEnode());
            });
  }

  /** Stops dialling; undeploying the transport (with Vert.x) disconnects every peer. */
  public void stop() {
    listening = false;
    if (maintenance != null) {
      maintenance.cancel(false);
    }
  }

  public boolean listening() {
    return listening;
  }

  /**
   * The URL other nodes dial this one at: the advertised host and the port actually bound.
   *
   * @throws IllegalStateException before the listener is bound to a port chosen at start
   */
  public EnodeUrl localEnode() {
    int port = listening ? transport.actualPort() : config.port();
    if (port == 0) {
      throw new IllegalStateException("the p2p listener has not picked its port yet");
    }
    return new EnodeUrl(nodeKey.publicKey(), config.advertisedHost(), port);
  }

  public int listenPort() {
    return transport.actualPort();
  }

  public String clientId() {
    return rlpx.clientId();
  }

  public List<Capability> capabilities() {
    return rlpx.subProtocols().stream().map(p -> p.capability()).toList();
  }

  public List<PeerConnection> peers() {
    return List.copyOf(connected.values());
  }

  /** Keeps {@code peer} connected from now on, as admin_addPeer asks. */
  public Change keep(EnodeUrl peer) {
    if (peer.nodeId().equals(nodeKey.publicKey())) {
      return Change.LOCAL_NODE;
    }
    if (!allowlist.allows(peer.nodeId())) {
      return Change.NOT_PERMITTED;
    }
    return switch (kept.add(peer, clock.instant())) {
      case ADDED -> {
        scheduler.execute(this::maintain);
        yield Change.DONE;
      }
      case ALREADY_KEPT -> Change.UNCHANGED;
      case FULL -> Change.FULL;
    };
  }

  /** Stops keeping {@code peer} and disconnects it, as admin_removePeer asks. */
  public Change release(EnodeUrl peer) {
    if (!kept.remove(peer.nodeId())) {
      return Change.UNCHANGED;
    }
    PeerConnection connection = connected.get(peer.nodeId());
    if (connection != null) {
      connection.disconnect(DisconnectReason.REQUESTED);
    }
    return Change.DONE;
  }

  /**
   * Drops connected peers the allowlist no longer names, e.g. after governance removed a node. Kept
   * peers stay admitted: the operator named them.
   */
  public void enforceAllowlist() {
    for (PeerConnection peer : connected.values()) {
      if (!admits(peer.nodeId())) {
        LOG.info("Disconnecting {}: no longer on the node allowlist", shortId(peer.nodeId()));
        peer.disconnect(DisconnectReason.USELESS_PEER);
      }
    }
  }

  private boolean admits(PublicKey nodeId) {
    return kept.contains(nodeId) || allowlist.allows(nodeId);
  }

  private void maintain() {
    if (!listening) {
      return;
    }
    try {
      Set<PublicKey> ids = new HashSet<>(connected.keySet());
      for (EnodeUrl due : kept.takeDue(clock.instant(), ids)) {
        transport
            .connect(due.host(), due.port(), due.nodeId())
            .onFailure(
                e ->
                    LOG.debug(
                        "Dialling {} failed: {} (next try at {})",
                        due,
                        e.getMessage(),
                        kept.dueAt(due.nodeId()).orElse(null)));
      }
    } catch (RuntimeException e) {
      LOG.warn("Peer maintenance failed; retrying", e);
    }
  }

  @Override
  public void onConnected(PeerConnection peer) {
    connected.put(peer.nodeId(), peer);
    kept.connected(peer.nodeId());
    LOG.info(
        "Peer {} connected ({}, {}, {} peers)",
        shortId(peer.nodeId()),
        peer.inbound() ? "inbound" : "outbound",
        peer.remoteHello().clientId(),
        connected.size());
    peer.sharedCapabilities()
        .forEach(
            shared -> {
              ProtocolHandler handler = handlers.get(shared.capability());
              if (handler != null) {
                handler.onConnected(peer);
              }
            });
  }

  @Override
  public void onMessage(PeerConnection peer, Capability capability, int code, Bytes payload) {
    ProtocolHandler handler = handlers.get(capability);
    if (handler == null) {
      // a shared capability this node announces but does not serve yet: ignored, not fatal
      LOG.debug("No handler for {} message {} from {}", capability, code, shortId(peer.nodeId()));
      return;
    }
    handler.onMessage(peer, code, payload);
  }

  @Override
  public void onDisconnected(PeerConnection peer, DisconnectCause cause) {
    connected.remove(peer.nodeId(), peer);
    kept.dropped(peer.nodeId(), clock.instant());
    LOG.info("Peer {} disconnected: {}", shortId(peer.nodeId()), cause);
    handlers.values().forEach(h -> h.onDisconnected(peer));
  }

  @Override
  public void onConnectFailed(InetSocketAddress remote, boolean inbound, DisconnectCause cause) {
    LOG.debug("{} connection with {} failed: {}", inbound ? "Inbound" : "Outbound", remote, cause);
  }

  private static String shortId(PublicKey nodeId) {
    return nodeId.bytes().slice(0, 8).toUnprefixedHexString();
  }
}
