package org.ailedger.node.p2p.eth;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.ailedger.node.block.BlockBody;
import org.ailedger.node.p2p.eth.EthMessage.GetPooledTransactions;
import org.ailedger.node.p2p.eth.EthMessage.NewPooledTransactionHashes;
import org.ailedger.node.p2p.eth.EthMessage.PooledTransactions;
import org.ailedger.node.p2p.eth.EthMessage.Transactions;
import org.ailedger.node.tx.Transaction;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves pending transactions between the pools of this node and its peers, as caps/eth.md's
 * transaction exchange describes.
 *
 * <ul>
 *   <li>A transaction a client sent this node goes in full, in a Transactions message, to every
 *       peer: the validators of a consortium are connected to each other, so one hop puts it in
 *       every pool without a round trip.
 *   <li>A transaction this node admits from a peer (in Transactions or PooledTransactions) is
 *       announced by hash, in NewPooledTransactionHashes, to every other peer not known to have it;
 *       so what a Besu peer sends only to some of its peers still reaches all.
 *   <li>A peer's announcement is answered by asking that peer, with GetPooledTransactions, for the
 *       hashes the pool lacks and no one has been asked for yet ({@link TransactionFetcher}).
 * </ul>
 *
 * Each peer has a bounded set of hashes it is known to have ({@link KnownHashes}, up to {@link
 * #MAX_KNOWN_TRANSACTIONS}): what it sent or announced, and what it was announced. Outgoing
 * messages are batched by {@link #flush()}, which the owner calls every few milliseconds; incoming
 * ones are handled on the eth worker.
 */
public final class TransactionGossip implements EthMessages {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionGossip.class);

  /**
   * Transactions waiting to be sent or announced, each queue; beyond this a burst is not gossiped
   * (clients still get in).
   */
  public static final int MAX_PENDING = 16_384;

  /** Transactions per outgoing message, and per incoming message taken into the pool. */
  public static final int MAX_PER_MESSAGE = 1_024;

  /**
   * Hashes per outgoing announcement, and per incoming one looked at: caps/eth.md's soft limit for
   * NewPooledTransactionHashes (4096 items).
   */
  public static final int MAX_HASHES_PER_ANNOUNCEMENT = 4_096;

  /** Transaction hashes remembered per peer: twice the pool's default size. */
  static final int MAX_KNOWN_TRANSACTIONS = 16_384;

  /** A transaction admitted from {@code source}, to announce to the other peers. */
  private record Relay(Transaction tx, EthPeer source) {}

  private final PoolAccess pool;
  private final TransactionFetcher fetcher;
  private final Map<EthPeer, KnownHashes> peers = new ConcurrentHashMap<>();
  private final BlockingQueue<Transaction> pending = new ArrayBlockingQueue<>(MAX_PENDING);
  private final BlockingQueue<Relay> relays = new ArrayBlockingQueue<>(MAX_PENDING);
  private final AtomicLong dropped = new AtomicLong();

  public TransactionGossip(PoolAccess pool, Clock clock) {
    this.pool = pool;
    this.fetcher = new TransactionFetcher(clock);
  }

  /** Queues a transaction this node accepted from a client, for every peer. Never blocks. */
  public void broadcast(Transaction tx) {
    queue(pending, tx);
  }

  /**
   * Sends what is queued: client transactions in full, in messages of at most {@link
   * #MAX_PER_MESSAGE}; then the hashes of transactions admitted from peers, to each peer that
   * neither sent them nor is known to have them, at most {@link #MAX_HASHES_PER_ANNOUNCEMENT} per
   * message.
   */
  public void flush() {
    List<Transaction> batch = new ArrayList<>(MAX_PER_MESSAGE);
    while (pending.drainTo(batch, MAX_PER_MESSAGE) > 0) {
      Transactions message =
          new Transactions(batch.stream().map(BlockBody::encodeTransaction).toList());
      Bytes encoded = EthMessageCodec.encode(message);
      for (EthPeer peer : peers.keySet()) {
        peer.send(message, encoded);
      }
      batch.clear();
    }
    List<Relay> relayed = new ArrayList<>(MAX_HASHES_PER_ANNOUNCEMENT);
    while (relays.drainTo(relayed, MAX_HASHES_PER_ANNOUNCEMENT) > 0) {
      peers.forEach((peer, known) -> announce(peer, known, relayed));
      relayed.clear();
    }
  }

  private static void announce(EthPeer peer, KnownHashes known, List<Relay> relayed) {
    List<Bytes32> hashes = new ArrayList<>(relayed.size());
    List<Long> sizes = new ArrayList<>(relayed.size());
    byte[] types = new byte[relayed.size()];
    for (Relay relay : relayed) {
      Transaction tx = relay.tx();
      if (relay.source() != peer && known.addIfAbsent(tx.hash())) {
        types[hashes.size()] = (byte) TransactionFetcher.typeOf(tx);
        hashes.add(tx.hash());
        sizes.add((long) tx.encoded().size());
      }
    }
    if (!hashes.isEmpty()) {
      peer.send(new NewPooledTransactionHashes(Bytes.wrap(types, 0, hashes.size()), sizes, hashes));
    }
  }

  @Override
  public void peerConnected(EthPeer peer) {
    peers.put(peer, new KnownHashes(MAX_KNOWN_TRANSACTIONS));
  }

  @Override
  public void messageReceived(EthPeer peer, EthMessage message) {
    KnownHashes known = peers.get(peer);
    if (known == null) {
      return; // not admitted, or gone
    }
    if (message instanceof Transactions gossiped) {
      received(peer, known, gossiped);
    } else if (message instanceof NewPooledTransactionHashes announcement) {
      announced(peer, known, announcement);
    } else if (message instanceof PooledTransactions answer) {
      answered(peer, known, answer);
    }
  }

  @Override
  public void peerDisconnected(EthPeer peer) {
    peers.remove(peer);
    fetcher.peerGone(peer);
  }

  /** Hashes asked of peers and not yet answered. */
  public int transactionsInFlight() {
    return fetcher.inFlight();
  }

  private void received(EthPeer peer, KnownHashes known, Transactions gossiped) {
    List<Bytes> items = gossiped.transactions();
    int taken = Math.min(items.size(), MAX_PER_MESSAGE);
    for (int i = 0; i < taken; i++) {
      Transaction tx;
      try {
        tx = BlockBody.decodeTransaction(items.get(i), i);
      } catch (IllegalArgumentException e) {
        // a transaction the pool would refuse anyway; peers run other versions, so no penalty
        LOG.debug("Ignored a gossiped transaction: {}", e.getMessage());
        continue;
      }
      admit(peer, known, tx);
    }
    if (items.size() > taken) {
      LOG.debug("Ignored {} gossiped transactions beyond {}", items.size() - taken, taken);
    }
  }

  private void announced(EthPeer peer, KnownHashes known, NewPooledTransactionHashes announcement) {
    int taken = Math.min(announcement.hashes().size(), MAX_HASHES_PER_ANNOUNCEMENT);
    for (int i = 0; i < taken; i++) {
      known.add(announcement.hashes().get(i));
    }
    for (GetPooledTransactions request :
        fetcher.announced(peer, announcement, taken, pool::contains)) {
      peer.send(request);
    }
  }

  private void answered(EthPeer peer, KnownHashes known, PooledTransactions answer) {
    switch (fetcher.delivered(peer, answer)) {
      case TransactionFetcher.Delivery.Asked asked -> {
        for (Transaction tx : asked.transactions()) {
          admit(peer, known, tx);
        }
      }
      case TransactionFetcher.Delivery.Late late ->
          LOG.debug("Ignored a late PooledTransactions {}", answer.requestId());
      case TransactionFetcher.Delivery.Violation v -> {
        LOG.debug("Dropping {}: {} ({})", peer.nodeId().slice(0, 8), v.violation(), v.detail());
        peer.disconnect(v.violation());
      }
    }
  }

  private void admit(EthPeer peer, KnownHashes known, Transaction tx) {
    known.add(tx.hash());
    if (pool.submit(tx)) {
      queue(relays, new Relay(tx, peer));
    }
  }

  private <T> void queue(BlockingQueue<T> queue, T item) {
    if (!queue.offer(item) && dropped.getAndIncrement() % 10_000 == 0) {
      LOG.warn("Transaction gossip is {} behind; not every transaction is sent on", MAX_PENDING);
    }
  }
}
