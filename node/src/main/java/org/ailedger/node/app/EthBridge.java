package org.ailedger.node.app;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.ailedger.node.p2p.eth.EthDecodeResult;
import org.ailedger.node.p2p.eth.EthMessage;
import org.ailedger.node.p2p.eth.EthMessageCodec;
import org.ailedger.node.p2p.eth.EthMessages;
import org.ailedger.node.p2p.eth.EthPeer;
import org.ailedger.node.p2p.eth.EthProtocolViolation;
import org.ailedger.node.p2p.peers.ProtocolHandler;
import org.ailedger.node.p2p.rlpx.PeerConnection;
import org.ailedger.node.p2p.wire.DisconnectReason;
import org.ailedger.node.p2p.wire.SubProtocol;
import org.apache.tuweni.bytes.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * eth/68 over the peer network: each connection becomes one {@link EthPeer} for the whole session,
 * and its messages are decoded and handed to the eth sessions on one worker thread, in order, off
 * the event loop (answers and imports read and write RocksDB). The worker's backlog is bounded; a
 * peer whose message finds it full is dropped rather than let it grow.
 */
final class EthBridge implements ProtocolHandler, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EthBridge.class);

  /** Messages waiting for the eth worker, from all peers together. */
  static final int MAX_BACKLOG = 4096;

  private final EthMessages sessions;
  private final Map<PeerConnection, Session> byConnection = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor worker =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(MAX_BACKLOG),
          Thread.ofPlatform().name("eth-worker").daemon().factory());

  EthBridge(EthMessages sessions) {
    this.sessions = sessions;
  }

  /** One peer's eth session as the eth and sync code see it. */
  private record Session(PeerConnection connection) implements EthPeer {
    @Override
    public Bytes nodeId() {
      return connection.nodeId().bytes();
    }

    @Override
    public void send(EthMessage message) {
      send(message, EthMessageCodec.encode(message));
    }

    @Override
    public void send(EthMessage message, Bytes encoded) {
      connection.send(SubProtocol.ETH_68.capability(), message.code(), encoded);
    }

    @Override
    public void disconnect(EthProtocolViolation reason) {
      connection.disconnect(
          DisconnectReason.fromCode(reason.disconnectCode())
              .orElse(DisconnectReason.SUBPROTOCOL_TRIGGERED));
    }
  }

  @Override
  public void onConnected(PeerConnection peer) {
    Session session = new Session(peer);
    byConnection.put(peer, session);
    submit(peer, () -> sessions.peerConnected(session));
  }

  @Override
  public void onMessage(PeerConnection peer, int code, Bytes payload) {
    Session session = byConnection.get(peer);
    if (session == null) {
      return;
    }
    submit(
        peer,
        () -> {
          switch (EthMessageCodec.decode(code, payload)) {
            case EthDecodeResult.Decoded d -> sessions.messageReceived(session, d.message());
            case EthDecodeResult.Malformed m -> {
              LOG.debug("Malformed eth message {} from {}: {}", code, peer.nodeId(), m.detail());
              session.disconnect(m.violation());
            }
          }
        });
  }

  @Override
  public void onDisconnected(PeerConnection peer) {
    Session session = byConnection.remove(peer);
    if (session != null) {
      submit(peer, () -> sessions.peerDisconnected(session));
    }
  }

  private void submit(PeerConnection peer, Runnable task) {
    try {
      worker.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              LOG.warn("eth message handling failed; dropping the peer", e);
              peer.disconnect(DisconnectReason.SUBPROTOCOL_TRIGGERED);
            }
          });
    } catch (RejectedExecutionException full) {
      if (worker.isShutdown()) {
        // the node is stopping; the transport disconnects every peer anyway
        return;
      }
      LOG.warn("eth backlog of {} messages is full; dropping a peer", MAX_BACKLOG);
      peer.disconnect(DisconnectReason.TOO_MANY_PEERS);
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
