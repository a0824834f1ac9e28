package org.ailedger.node.p2p.eth;

import java.util.Optional;
import org.ailedger.node.tx.Transaction;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What the eth protocol may do with this node's transaction pool: look a pending transaction up by
 * hash (to serve GetPooledTransactions and to skip announcements of known ones) and submit a peer's
 * transaction through the pool's admission, with all its checks. Both are called from the eth
 * worker thread.
 */
public interface PoolAccess {
  /** The pending transaction with {@code hash}, while it is pooled. */
  Optional<Transaction> pooled(Bytes32 hash);

  /** Admits {@code tx} as a client's would be; true if it was newly pooled. */
  boolean submit(Transaction tx);

  /** Whether {@code hash} is pooled. */
  default boolean contains(Bytes32 hash) {
    return pooled(hash).isPresent();
  }
}
