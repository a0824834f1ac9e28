package org.ailedger.node.txpool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** One sender's pooled transactions by nonce. Not thread-safe: the pool's lock guards it. */
final class SenderQueue {
  private final NavigableMap<Long, PendingTransaction> byNonce = new TreeMap<>();

  PendingTransaction get(long nonce) {
    return byNonce.get(nonce);
  }

  /** Stores the transaction under its nonce; returns the one it displaced, if any. */
  PendingTransaction put(PendingTransaction pending) {
    return byNonce.put(pending.transaction().nonce(), pending);
  }

  PendingTransaction remove(long nonce) {
    return byNonce.remove(nonce);
  }

  /** The highest nonce's transaction: the only one removable without opening a gap. */
  PendingTransaction last() {
    return byNonce.lastEntry().getValue();
  }

  int size() {
    return byNonce.size();
  }

  boolean isEmpty() {
    return byNonce.isEmpty();
  }

  /** Removes and returns every transaction with a nonce below {@code nonce}. */
  List<PendingTransaction> removeBelow(long nonce) {
    Map<Long, PendingTransaction> stale = byNonce.headMap(nonce, false);
    List<PendingTransaction> removed = new ArrayList<>(stale.values());
    stale.clear();
    return removed;
  }

  /** A copy of the pooled nonces, safe to read outside the pool's lock. */
  NavigableSet<Long> nonces() {
    return new TreeSet<>(byNonce.keySet());
  }

  List<PendingTransaction> all() {
    return new ArrayList<>(byNonce.values());
  }

  /** The transactions with nonces {@code accountNonce, accountNonce + 1, …} up to the first gap. */
  List<PendingTransaction> executableFrom(long accountNonce) {
    List<PendingTransaction> run = new ArrayList<>();
    for (long nonce = accountNonce; ; nonce++) {
      PendingTransaction pending = byNonce.get(nonce);
      if (pending == null) {
        return run;
      }
      run.add(pending);
    }
  }
}
