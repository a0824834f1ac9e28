package org.ailedger.node.p2p.eth;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The transaction hashes one peer is known to have, because it sent or announced them or was sent
 * or announced them by this node, so a transaction is never announced back to where it came from
 * nor twice to the same peer. Evicts the oldest beyond {@link #MAX_KNOWN_TRANSACTIONS}.
 * Thread-safe.
 */
final class KnownTransactions {
  /** Twice the pool's default size: a peer's share of the pool plus what went by since. */
  static final int MAX_KNOWN_TRANSACTIONS = 16_384;

  private final Map<Bytes32, Boolean> hashes =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Bytes32, Boolean> eldest) {
          return size() > MAX_KNOWN_TRANSACTIONS;
        }
      };

  synchronized void add(Bytes32 hash) {
    hashes.put(hash, Boolean.TRUE);
  }

  /** Adds {@code hash}; true if it was not known before. */
  synchronized boolean addIfAbsent(Bytes32 hash) {
    return hashes.put(hash, Boolean.TRUE) == null;
  }

  synchronized boolean contains(Bytes32 hash) {
    return hashes.containsKey(hash);
  }
}
