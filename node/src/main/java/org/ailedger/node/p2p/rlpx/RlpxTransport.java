package org.ailedger.node.p2p.rlpx;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.PublicKey;
import org.ailedger.node.crypto.Secp256k1;
import org.ailedger.node.p2p.rlpx.handshake.Ephemeral;
import org.ailedger.node.p2p.rlpx.handshake.Handshaker;
import org.ailedger.node.p2p.wire.CapabilityMultiplexer;
import org.ailedger.node.p2p.wire.HelloMessage;
import org.ailedger.node.p2p.wire.SubProtocol;
import org.ailedger.node.p2p.wire.WireCodes;
import org.apache.tuweni.bytes.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RLPx listener and dialler: one verticle whose event loop runs every connection, so a
 * connection's cipher, MAC and timers never race. The owner supplies a {@link PeerListener} and an
 * admission predicate over node ids, applied right after each handshake (node permissioning).
 *
 * <p>Deploy with {@code vertx.deployVerticle(transport)}; undeploying disconnects every peer with
 * CLIENT_QUITTING.
 */
public final class RlpxTransport extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(RlpxTransport.class);

  private final RlpxConfig config;
  private final KeyPair nodeKey;
  private final Secp256k1 secp256k1;
  private final PeerListener listener;
  private final Predicate<PublicKey> admission;
  private final SecureRandom random;
  private final Set<RlpxConnection> pending = new LinkedHashSet<>();
  private final Map<PublicKey, RlpxConnection> established = new ConcurrentHashMap<>();
  private final Registry registry = new Registry();
  private NetServer server;
  private NetClient client;
  private HelloMessage localHello;

  public RlpxTransport(
      RlpxConfig config,
      KeyPair nodeKey,
      Secp256k1 secp256k1,
      PeerListener listener,
      Predicate<PublicKey> admission,
      SecureRandom random) {
    this.config = config;
    this.nodeKey = nodeKey;
    this.secp256k1 = secp256k1;
    this.listener = listener;
    this.admission = admission;
    this.random = random;
  }

  @Override
  public Future<?> start() {
    server =
        vertx.createNetServer(
            new NetServerOptions()
                .setHost(config.listenHost())
                .setPort(config.listenPort())
                .setTcpNoDelay(true));
    client =
        vertx.createNetClient(
            new NetClientOptions()
                .setConnectTimeout((int) config.handshakeTimeout().toMillis())
                .setTcpNoDelay(true));
    server.connectHandler(this::accept);
    return server
        .listen()
        .onSuccess(
            s -> {
              localHello =
                  new HelloMessage(
                      WireCodes.P2P_VERSION,
                      config.clientId(),
                      config.subProtocols().stream().map(SubProtocol::capability).toList(),
                      s.actualPort(),
                      nodeKey.publicKey());
              LOG.info(
                  "RLPx listening on {}:{} with {}",
                  config.listenHost(),
                  s.actualPort(),
                  localHello.capabilities());
            });
  }

  @Override
  public Future<?> stop() {
    List<RlpxConnection> all = new ArrayList<>(pending);
    all.addAll(established.values());
    all.forEach(c -> c.disconnectWith(LocalReason.SHUTDOWN, LocalReason.SHUTDOWN.wireReason()));
    // closing the server closes its sockets at once: first give the Disconnects their grace
    Future<?> grace =
        all.isEmpty() ? Future.succeededFuture() : vertx.timer(config.disconnectGrace().toMillis());
    return grace.compose(v -> Future.join(server.close(), client.close()));
  }

  /** The bound port, which differs from the configured one when that is 0. */
  public int actualPort() {
    if (server == null) {
      throw new IllegalStateException("the RLPx listener is not started");
    }
    return server.actualPort();
  }

  public PublicKey nodeId() {
    return nodeKey.publicKey();
  }

  /** Connections past the Hello exchange; callable from any thread. */
  public List<PeerConnection> peers() {
    return List.copyOf(established.values());
  }

  /**
   * Dials {@code nodeId} at {@code host:port}. The future completes once the peer's Hello is in and
   * admitted, or fails with a {@link PeerConnectException} saying why not.
   */
  public Future<PeerConnection> connect(String host, int port, PublicKey nodeId) {
    if (context == null) {
      throw new IllegalStateException("deploy the transport before dialling");
    }
    Promise<PeerConnection> result = Promise.promise();
    context.runOnContext(v -> dial(host, port, nodeId, result));
    return result.future();
  }

  private void dial(String host, int port, PublicKey nodeId, Promise<PeerConnection> result) {
    if (localHello == null) {
      result.fail(new IllegalStateException("the transport is still starting"));
      return;
    }
    Optional<LocalReason> refused =
        nodeId.equals(nodeKey.publicKey())
            ? Optional.of(LocalReason.SAME_IDENTITY)
            : established.containsKey(nodeId)
                ? Optional.of(LocalReason.ALREADY_CONNECTED)
                : pending.size() >= config.maxPendingHandshakes()
                    ? Optional.of(LocalReason.TOO_MANY_PEERS)
                    : Optional.empty();
    if (refused.isPresent()) {
      result.fail(
          new PeerConnectException(
              "not dialling " + host + ":" + port,
              new DisconnectCause.ByUs(refused.get(), Optional.empty())));
      return;
    }
    client
        .connect(port, host)
        .onComplete(
            socket -> {
              Handshaker handshaker =
                  Handshaker.initiator(
                      nodeKey, nodeId, Ephemeral.random(random), secp256k1, random);
              RlpxConnection connection = open(socket, false, handshaker);
              connection.establishment().onComplete(result);
            },
            failure -> {
              LOG.debug("cannot reach {}:{}: {}", host, port, failure.toString());
              result.fail(
                  new PeerConnectException(
                      "cannot reach " + host + ":" + port, new DisconnectCause.ConnectionLost()));
            });
  }

  private void accept(NetSocket socket) {
    if (localHello == null) {
      // accepted in the instant before listen() reported its port: our Hello is not ready yet
      socket.close();
      return;
    }
    if (pending.size() >= config.maxPendingHandshakes()) {
      LOG.debug("refusing {}: {} handshakes pending", socket.remoteAddress(), pending.size());
      socket.close();
      return;
    }
    open(socket, true, Handshaker.recipient(nodeKey, Ephemeral.random(random), secp256k1, random));
  }

  private RlpxConnection open(NetSocket socket, boolean inbound, Handshaker handshaker) {
    RlpxConnection connection =
        new RlpxConnection(context, socket, inbound, handshaker, localHello, config, registry);
    pending.add(connection);
    connection.start();
    return connection;
  }

  /** The connections' callbacks, kept off the verticle's public surface. */
  private final class Registry implements ConnectionOwner {
    @Override
    public Optional<LocalReason> admitAfterHandshake(RlpxConnection connection) {
      if (connection.nodeId().equals(nodeKey.publicKey())) {
        return Optional.of(LocalReason.SAME_IDENTITY);
      }
      if (!admission.test(connection.nodeId())) {
        return Optional.of(LocalReason.NOT_ADMITTED);
      }
      // refusing before our Hello leaves a dialler with a failed dial, not a brief connection
      return admitAfterHello(connection);
    }

    /** Checked again after the Hello: another connection may have been established meanwhile. */
    @Override
    public Optional<LocalReason> admitAfterHello(RlpxConnection connection) {
      if (established.containsKey(connection.nodeId())) {
        return Optional.of(LocalReason.ALREADY_CONNECTED);
      }
      if (established.size() >= config.maxPeers()) {
        return Optional.of(LocalReason.TOO_MANY_PEERS);
      }
      return Optional.empty();
    }

    @Override
    public void established(RlpxConnection connection) {
      pending.remove(connection);
      established.put(connection.nodeId(), connection);
      notify(() -> listener.onConnected(connection));
    }

    @Override
    public void messageReceived(
        RlpxConnection connection, CapabilityMultiplexer.Routed routed, Bytes payload) {
      notify(
          () ->
              listener.onMessage(
                  connection, routed.capability().capability(), routed.relativeCode(), payload));
    }

    @Override
    public void closed(RlpxConnection connection, boolean wasEstablished, DisconnectCause cause) {
      pending.remove(connection);
      if (wasEstablished) {
        established.remove(connection.nodeId(), connection);
        notify(() -> listener.onDisconnected(connection, cause));
      } else {
        notify(
            () ->
                listener.onConnectFailed(connection.remoteAddress(), connection.inbound(), cause));
      }
    }

    /** A failing listener must not take the event loop's other connections down with it. */
    private void notify(Runnable callback) {
      try {
        callback.run();
      } catch (RuntimeException e) {
        LOG.error("the peer listener failed", e);
      }
    }
  }
}
