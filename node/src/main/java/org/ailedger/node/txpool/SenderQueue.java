package org.ailedger.node.txpool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ailedger.node.tx.RecoveredTransaction;

/** One sender's pooled transactions by nonce. Not thread-safe: the pool's lock guards it. */
final class SenderQueue {
  private final NavigableMap<Long, RecoveredTransaction> byNonce = new TreeMap<>();

  RecoveredTransaction get(long nonce) {
    return byNonce.get(nonce);
  }

  /** Stores the transaction under its nonce; returns the one it displaced, if any. */
  RecoveredTransaction put(RecoveredTransaction pending) {
    return byNonce.put(pending.transaction().nonce(), pending);
  }

  RecoveredTransaction remove(long nonce) {
    return byNonce.remove(nonce);
  }

  /** The highest nonce's transaction: the only one removable without opening a gap. */
  RecoveredTransaction last() {
    return byNonce.lastEntry().getValue();
  }

  int size() {
    return byNonce.size();
  }

  boolean isEmpty() {
    return byNonce.isEmpty();
  }

  /** Removes and returns every transaction with a nonce below {@code nonce}. */
  List<RecoveredTransaction> removeBelow(long nonce) {
    Map<Long, RecoveredTransaction> stale = byNonce.headMap(nonce, false);
    List<RecoveredTransaction> removed = new ArrayList<>(stale.values());
    stale.clear();
    return removed;
  }

  /** A copy of the pooled nonces, safe to read outside the pool's lock. */
  NavigableSet<Long> nonces() {
    return new TreeSet<>(byNonce.keySet());
  }

  List<RecoveredTransaction> all() {
    return new ArrayList<>(byNonce.values());
  }

  /** The transactions with nonces {@code accountNonce, accountNonce + 1, …} up to the first gap. */
  List<RecoveredTransaction> executableFrom(long accountNonce) {
    List<RecoveredTransaction> run = new ArrayList<>();
    for (long nonce = accountNonce; ; nonce++) {
      RecoveredTransaction pending = byNonce.get(nonce);
      if (pending == null) {
        return run;
      }
      run.add(pending);
    }
  }
}
