package org.ailedger.node.p2p.eth;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ailedger.node.p2p.eth.EthMessage.BlockBodies;
import org.ailedger.node.p2p.eth.EthMessage.BlockHeaders;
import org.ailedger.node.p2p.eth.EthMessage.GetBlockBodies;
import org.ailedger.node.p2p.eth.EthMessage.GetBlockHeaders;
import org.ailedger.node.p2p.eth.EthMessage.GetPooledTransactions;
import org.ailedger.node.p2p.eth.EthMessage.GetReceipts;
import org.ailedger.node.p2p.eth.EthMessage.NewBlock;
import org.ailedger.node.p2p.eth.EthMessage.NewBlockHashes;
import org.ailedger.node.p2p.eth.EthMessage.NewPooledTransactionHashes;
import org.ailedger.node.p2p.eth.EthMessage.PooledTransactions;
import org.ailedger.node.p2p.eth.EthMessage.Receipts;
import org.ailedger.node.p2p.eth.EthMessage.Status;
import org.ailedger.node.p2p.eth.EthMessage.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The eth sessions of this node: sends our Status when a session starts, admits a peer once its
 * Status passes {@link StatusExchange#check}, answers its data requests, and hands its Status,
 * announcements and responses to the {@code followers} (block propagation, then sync) in that
 * order, so a block is known to have come from a peer before its import announces it onwards.
 * Transactions, their announcements by hash and the answers to this node's requests for them go to
 * the followers too (the node's transaction gossip asks for and checks them). A stray Receipts is
 * dropped: this node never asks for receipts.
 */
public final class EthSessions implements EthMessages {
  private static final Logger LOG = LoggerFactory.getLogger(EthSessions.class);

  /** Sessions kept at once; beyond it a peer is turned away with Too many peers. */
  public static final int MAX_SESSIONS = 64;

  private final StatusExchange status;
  private final EthRequestServer server;
  private final List<EthMessages> followers;
  // value: whether the peer's Status was accepted
  private final Map<EthPeer, AtomicBoolean> sessions = new ConcurrentHashMap<>();

  public EthSessions(StatusExchange status, EthRequestServer server, List<EthMessages> followers) {
    this.status = status;
    this.server = server;
    this.followers = List.copyOf(followers);
  }

  @Override
  public void peerConnected(EthPeer peer) {
    if (sessions.size() >= MAX_SESSIONS) {
      peer.disconnect(EthProtocolViolation.TOO_MANY_PEERS);
      return;
    }
    sessions.put(peer, new AtomicBoolean());
    peer.send(status.localStatus());
  }

  @Override
  public void messageReceived(EthPeer peer, EthMessage message) {
    AtomicBoolean admitted = sessions.get(peer);
    if (admitted == null) {
      return; // the session ended while the message was in flight
    }
    if (!admitted.get() && !(message instanceof Status)) {
      end(peer, EthProtocolViolation.MESSAGE_BEFORE_STATUS);
      return;
    }
    switch (message) {
      case Status remote -> admit(peer, admitted, remote);
      case GetBlockHeaders g -> peer.send(server.headers(g));
      case GetBlockBodies g -> peer.send(server.bodies(g));
      case GetReceipts g -> peer.send(server.receipts(g));
      case GetPooledTransactions g -> peer.send(server.pooledTransactions(g));
      case NewBlock n -> forward(peer, n);
      case NewBlockHashes n -> forward(peer, n);
      case BlockHeaders h -> forward(peer, h);
      case BlockBodies b -> forward(peer, b);
      case Transactions t -> forward(peer, t);
      case NewPooledTransactionHashes n -> forward(peer, n);
      case PooledTransactions p -> forward(peer, p);
      // never requested: a stray answer is dropped, as Besu drops unsolicited responses
      case Receipts r -> LOG.debug("Ignored unrequested Receipts");
    }
  }

  @Override
  public void peerDisconnected(EthPeer peer) {
    AtomicBoolean admitted = sessions.remove(peer);
    if (admitted != null && admitted.get()) {
      followers.forEach(f -> f.peerDisconnected(peer));
    }
  }

  private void admit(EthPeer peer, AtomicBoolean admitted, Status remote) {
    if (admitted.get()) {
      end(peer, EthProtocolViolation.REPEATED_STATUS);
      return;
    }
    var violation = status.check(remote);
    if (violation.isPresent()) {
      end(peer, violation.get());
      return;
    }
    admitted.set(true);
    for (EthMessages follower : followers) {
      follower.peerConnected(peer);
      follower.messageReceived(peer, remote);
    }
  }

  private void forward(EthPeer peer, EthMessage message) {
    for (EthMessages follower : followers) {
      follower.messageReceived(peer, message);
    }
  }

  private void end(EthPeer peer, EthProtocolViolation violation) {
    LOG.debug("Ending eth session with {}: {}", peer.nodeId().slice(0, 8), violation);
    peerDisconnected(peer);
    peer.disconnect(violation);
  }
}
