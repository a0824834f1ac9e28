package org.ailedger.node.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * the event loop (answers and imports read and write RocksDB). The worker's backlog of messages is
 * bounded in all and per peer; a message that finds its bound reached is dropped, never the peer:
 * an honest validator sending a burst must stay connected, gossip is announced again, and a dropped
 * request or answer ends as a request timeout. A peer's connect and disconnect always get through
 * (at most two per connection), so the eth sessions never lose track of a peer.
 */
final class EthBridge implements ProtocolHandler, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EthBridge.class);

  /** Messages waiting for the eth worker, from all peers together. */
  static final int MAX_BACKLOG = 4096;

  /** Messages waiting for the eth worker from one peer, so one flooding peer cannot take it all. */
  static final int MAX_PEER_BACKLOG = 1024;

  private final EthMessages sessions;
  private final Map<PeerConnection, Session> byConnection = new ConcurrentHashMap<>();
  private final AtomicInteger backlog = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  private final ThreadPoolExecutor worker =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.MILLISECONDS,
          // bounded by the counts below: MAX_BACKLOG messages plus two lifecycle events a
          // connection
          new LinkedBlockingQueue<>(),
          Thread.ofPlatform().name("eth-worker").daemon().factory());

  EthBridge(EthMessages sessions) {
    this.sessions = sessions;
  }

  /** One peer's eth session as the eth and sync code see it. */
  private record Session(PeerConnection connection, AtomicInteger backlog) implements EthPeer {
    Session(PeerConnection connection) {
      this(connection, new AtomicInteger());
    }

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
    if (!reserve(session)) {
      long total = dropped.incrementAndGet();
      if (Long.bitCount(total) == 1) {
        // at 1, 2, 4, 8, … drops: a sustained overload shows in the log without flooding it
        LOG.warn(
            "eth backlog full ({} from {}, {} in all): dropped eth message {}; {} dropped so far",
            session.backlog().get(),
            peer.nodeId(),
            backlog.get(),
            code,
            total);
      }
      return;
    }
    submit(
        peer,
        () -> {
          release(session);
          switch (EthMessageCodec.decode(code, payload)) {
            case EthDecodeResult.Decoded d -> sessions.messageReceived(session, d.message());
            case EthDecodeResult.Malformed m -> {
              LOG.debug("Malformed eth message {} from {}: {}", code, peer.nodeId(), m.detail());
              session.disconnect(m.violation());
            }
          }
        });
  }

  /** eth messages dropped because the worker's backlog was full, since start. */
  long droppedMessages() {
    return dropped.get();
  }

  private boolean reserve(Session session) {
    if (session.backlog().incrementAndGet() > MAX_PEER_BACKLOG) {
      session.backlog().decrementAndGet();
      return false;
    }
    if (backlog.incrementAndGet() > MAX_BACKLOG) {
      backlog.decrementAndGet();
      session.backlog().decrementAndGet();
      return false;
    }
    return true;
  }

  private void release(Session session) {
    session.backlog().decrementAndGet();
    backlog.decrementAndGet();
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
    } catch (RejectedExecutionException stopped) {
      // only a shut-down worker refuses; the transport disconnects every peer anyway
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
