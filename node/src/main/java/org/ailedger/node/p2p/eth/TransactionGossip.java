package org.ailedger.node.p2p.eth;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.ailedger.node.block.BlockBody;
import org.ailedger.node.p2p.eth.EthMessage.Transactions;
import org.ailedger.node.tx.Transaction;
import org.apache.tuweni.bytes.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactions a client sent this node reach every peer's pool, so whichever validator proposes
 * next can include them (without it, only the validator a client talks to would). Outgoing
 * transactions are batched into eth Transactions messages by {@link #flush()}, which the owner
 * calls every few milliseconds; incoming ones go to the pool. Transactions learnt from peers are
 * not relayed: the validators of a consortium are connected to each other (genesis new writes each
 * one's static peers), so one hop reaches them all, at a third of the messages.
 */
public final class TransactionGossip implements EthMessages {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionGossip.class);

  /**
   * Transactions waiting to be sent; beyond this a burst is not gossiped (clients still get in).
   */
  public static final int MAX_PENDING = 16_384;

  /** Transactions per outgoing message, and per incoming message taken into the pool. */
  public static final int MAX_PER_MESSAGE = 1_024;

  /** Where a peer's transactions go: the pool's admission, with all its checks. */
  @FunctionalInterface
  public interface Pool {
    void submit(Transaction tx);
  }

  private final Pool pool;
  private final Set<EthPeer> peers = ConcurrentHashMap.newKeySet();
  private final BlockingQueue<Transaction> pending = new ArrayBlockingQueue<>(MAX_PENDING);
  private final AtomicLong dropped = new AtomicLong();

  public TransactionGossip(Pool pool) {
    this.pool = pool;
  }

  /** Queues a transaction this node accepted from a client, for every peer. Never blocks. */
  public void broadcast(Transaction tx) {
    if (!pending.offer(tx) && dropped.getAndIncrement() % 10_000 == 0) {
      LOG.warn("Transaction gossip is {} behind; not every transaction is sent on", MAX_PENDING);
    }
  }

  /** Sends what is queued, in messages of at most {@link #MAX_PER_MESSAGE} transactions. */
  public void flush() {
    List<Transaction> batch = new ArrayList<>(MAX_PER_MESSAGE);
    while (pending.drainTo(batch, MAX_PER_MESSAGE) > 0) {
      Transactions message =
          new Transactions(batch.stream().map(BlockBody::encodeTransaction).toList());
      for (EthPeer peer : peers) {
        peer.send(message);
      }
      batch.clear();
    }
  }

  @Override
  public void peerConnected(EthPeer peer) {
    peers.add(peer);
  }

  @Override
  public void messageReceived(EthPeer peer, EthMessage message) {
    if (!(message instanceof Transactions gossiped)) {
      return;
    }
    List<Bytes> items = gossiped.transactions();
    int taken = Math.min(items.size(), MAX_PER_MESSAGE);
    for (int i = 0; i < taken; i++) {
      try {
        pool.submit(BlockBody.decodeTransaction(items.get(i), i));
      } catch (IllegalArgumentException e) {
        // a transaction the pool would refuse anyway; peers run other versions, so no penalty
        LOG.debug("Ignored a gossiped transaction: {}", e.getMessage());
      }
    }
    if (items.size() > taken) {
      LOG.debug("Ignored {} gossiped transactions beyond {}", items.size() - taken, taken);
    }
  }

  @Override
  public void peerDisconnected(EthPeer peer) {
    peers.remove(peer);
  }
}
